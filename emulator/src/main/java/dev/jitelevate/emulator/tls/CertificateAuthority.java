package dev.jitelevate.emulator.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the emulator's throw-away certificates in memory: a CA that exists for one emulator run and a
 * server certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} signed by it. EC P-256 keys
 * keep start-up fast.
 */
final class CertificateAuthority {
  private static final Duration VALIDITY = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateAuthority() {}

  /** A key pair with its certificate. */
  record Issued(KeyPair keys, X509Certificate certificate) {}

  static Issued newAuthority() {
    KeyPair keys = newKeyPair();
    X500Name name = new X500Name("CN=jit-elevate emulator CA " + Long.toHexString(RANDOM.nextLong()) + ",O=jit-elevate");
    try {
      X509v3CertificateBuilder builder = builder(name, name, keys);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      return new Issued(keys, sign(builder, keys));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("Cannot create the emulator's CA certificate", e);
    }
  }

  static Issued newServerCertificate(Issued authority) {
    return newServerCertificate(authority, java.util.List.of());
  }

  /** A server certificate for the loopback names plus {@code extraNames} (IP literals or DNS names). */
  static Issued newServerCertificate(Issued authority, java.util.List<String> extraNames) {
    KeyPair keys = newKeyPair();
    X500Name issuer = X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded());
    try {
      X509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=localhost,O=jit-elevate"), keys);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      java.util.List<GeneralName> names = new java.util.ArrayList<>(java.util.List.of(
          new GeneralName(GeneralName.dNSName, "localhost"), ipAddress("127.0.0.1"), ipAddress("::1")));
      for (String name : extraNames) {
        names.add(HostNames.isIpLiteral(name) ? ipAddress(name) : new GeneralName(GeneralName.dNSName, name));
      }
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(names.stream().distinct().toArray(GeneralName[]::new)));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          ext.createAuthorityKeyIdentifier(authority.certificate()));
      return new Issued(keys, sign(builder, authority.keys()));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("Cannot create the emulator's server certificate", e);
    }
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static GeneralName ipAddress(String literal) throws UnknownHostException {
    return new GeneralName(GeneralName.iPAddress, new DEROctetString(InetAddress.getByName(literal).getAddress()));
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available in this JVM", e);
    }
  }
}
