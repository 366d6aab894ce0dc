package dev.jitelevate.pimconfig;

import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import dev.jitelevate.core.CloudProfile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/** The azure-core HTTP client for a cloud: the JDK's CAs plus the profile's own CA (custom clouds, the emulator). */
final class TrustedHttp {
  private TrustedHttp() {}

  static HttpClient forCloud(CloudProfile cloud) {
    OkHttpClient.Builder ok = new OkHttpClient.Builder();
    cloud.caCertificatePem().ifPresent(pem -> {
      X509TrustManager trust = trustManager(pem);
      ok.sslSocketFactory(sslContext(trust).getSocketFactory(), trust);
    });
    return new OkHttpAsyncHttpClientBuilder(ok.build()).build();
  }

  private static X509TrustManager trustManager(String pem) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate jdk : jdkDefaults()) {
        store.setCertificateEntry("jdk-" + i++, jdk);
      }
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      for (Certificate extra : x509.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        store.setCertificateEntry("cloud-" + i++, extra);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return firstX509(factory.getTrustManagers());
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("The cloud profile's CA certificate cannot be read: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> jdkDefaults() throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    return new ArrayList<>(Arrays.asList(firstX509(factory.getTrustManagers()).getAcceptedIssuers()));
  }

  private static X509TrustManager firstX509(TrustManager[] managers) {
    return Arrays.stream(managers).filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
        .findFirst().orElseThrow(() -> new IllegalStateException("no X.509 trust manager"));
  }

  private static SSLContext sslContext(X509TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
