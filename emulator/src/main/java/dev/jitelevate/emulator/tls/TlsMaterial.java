package dev.jitelevate.emulator.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The emulator's TLS identity for one run: a fresh CA, a server certificate signed by it (in a PKCS12
 * keystore file that the HTTPS engine reads), and a trust manager that trusts exactly that CA.
 */
public final class TlsMaterial implements AutoCloseable {
  private final X509Certificate caCertificate;
  private final Path keystore;
  private final String keystorePassword;
  private final X509TrustManager trustManager;
  private final SSLContext sslContext;

  private TlsMaterial(X509Certificate ca, Path keystore, String password) {
    this.caCertificate = ca;
    this.keystore = keystore;
    this.keystorePassword = password;
    this.trustManager = trustManagerFor(ca);
    this.sslContext = contextFor(trustManager);
  }

  /** Creates a new CA and server certificate and writes the server keystore to a temporary file. */
  public static TlsMaterial generate() {
    return generate(java.util.List.of());
  }

  /**
   * Like {@link #generate()}, with a server certificate that also names {@code extraNames} (IP literals or
   * DNS names), e.g. the address the emulator is bound to.
   */
  public static TlsMaterial generate(java.util.List<String> extraNames) {
    CertificateAuthority.Issued ca = CertificateAuthority.newAuthority();
    CertificateAuthority.Issued server = CertificateAuthority.newServerCertificate(ca, extraNames);
    String password = randomPassword();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", server.keys().getPrivate(), password.toCharArray(),
          new Certificate[] {server.certificate(), ca.certificate()});
      Path file = Files.createTempFile("jit-emulator-", ".p12");
      file.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password.toCharArray());
      }
      return new TlsMaterial(ca.certificate(), file, password);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the emulator's keystore", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build the emulator's keystore", e);
    }
  }

  /** The PKCS12 keystore holding the server key and chain. */
  public Path keystorePath() {
    return keystore;
  }

  public String keystorePassword() {
    return keystorePassword;
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /** The CA certificate in PEM, for clients that must trust the emulator. */
  public String caCertificatePem() {
    try {
      String base64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
          .encodeToString(caCertificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A trust manager that trusts only the emulator's CA. */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  /** A TLS client context that trusts only the emulator's CA. */
  public SSLContext sslContext() {
    return sslContext;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(keystore);
    } catch (IOException e) {
      // a temp file marked deleteOnExit; nothing else to do
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static X509TrustManager trustManagerFor(X509Certificate ca) {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("jit-emulator-ca", ca);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("No X509TrustManager available");
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot build a trust manager for the emulator's CA", e);
    }
  }

  private static SSLContext contextFor(X509TrustManager trustManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build a TLS context", e);
    }
  }
}
