package dev.jitelevate.core.internal.gateway.sdk;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust of one cloud profile: the JDK's CAs plus, when the profile names one, an extra CA (the
 * emulator, Azure Stack, a TLS-inspecting proxy). Every HTTP client of a run is built from this.
 */
public record TrustedTls(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
  /** The JDK's CAs, loaded once per process: reading and checking the trust store is a start's largest TLS cost. */
  private static volatile X509TrustManager jdkTrust;

  /** Trusts the JDK's CAs and, when present, the CAs in the PEM text. */
  public static TrustedTls of(Optional<String> extraCaPem) {
    try {
      X509TrustManager jdk = jdkTrust();
      if (extraCaPem.isEmpty()) {
        return new TrustedTls(context(jdk).getSocketFactory(), jdk);
      }
      X509TrustManager both = new CombinedTrustManager(jdk, trustManager(keyStore(extraCaPem.get())));
      return new TrustedTls(context(both).getSocketFactory(), both);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("The cloud profile's caCertificatePem is not a readable PEM certificate: "
          + e.getMessage(), e);
    }
  }

  private static X509TrustManager jdkTrust() throws GeneralSecurityException {
    X509TrustManager trust = jdkTrust;
    if (trust == null) {
      synchronized (TrustedTls.class) {
        trust = jdkTrust;
        if (trust == null) {
          trust = trustManager(null);
          jdkTrust = trust;
        }
      }
    }
    return trust;
  }

  private static SSLContext context(X509TrustManager trust) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
    return context;
  }

  private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (var manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X509TrustManager available");
  }

  private static KeyStore keyStore(String pem) throws GeneralSecurityException, java.io.IOException {
    Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException("no certificate found in the PEM text");
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("profile-ca-" + i++, certificate);
    }
    return store;
  }

  /** Accepts a chain when either manager does. */
  private static final class CombinedTrustManager implements X509TrustManager {
    private final X509TrustManager first;
    private final X509TrustManager second;

    CombinedTrustManager(X509TrustManager first, X509TrustManager second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      first.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      try {
        second.checkServerTrusted(chain, authType);
      } catch (java.security.cert.CertificateException e) {
        first.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> all = new ArrayList<>(List.of(first.getAcceptedIssuers()));
      all.addAll(List.of(second.getAcceptedIssuers()));
      return all.toArray(new X509Certificate[0]);
    }
  }
}
