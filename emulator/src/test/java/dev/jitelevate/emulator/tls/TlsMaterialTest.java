package dev.jitelevate.emulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsMaterialTest {
  @Test
  void theServerCertificateCoversLoopbackNamesAndChainsToTheTrustedCa() throws Exception {
    try (TlsMaterial tls = TlsMaterial.generate()) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(tls.keystorePath())) {
        store.load(in, tls.keystorePassword().toCharArray());
      }
      X509Certificate[] chain = java.util.Arrays.stream(store.getCertificateChain("server"))
          .map(c -> (X509Certificate) c).toArray(X509Certificate[]::new);
      List<String> names = chain[0].getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
      assertThat(names).contains("localhost", "127.0.0.1").anySatisfy(n -> assertThat(n).contains(":"));
      tls.trustManager().checkServerTrusted(chain, "ECDHE_ECDSA");
      assertThat(tls.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
    }
  }

  @Test
  void theServerCertificateAlsoNamesTheBoundAddressOrHost() throws Exception {
    try (TlsMaterial tls = TlsMaterial.generate(List.of("10.89.0.1", "emulator.test"))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(tls.keystorePath())) {
        store.load(in, tls.keystorePassword().toCharArray());
      }
      X509Certificate server = (X509Certificate) store.getCertificateChain("server")[0];
      List<List<?>> names = List.copyOf(server.getSubjectAlternativeNames());
      assertThat(names).contains(List.of(7, "10.89.0.1"), List.of(2, "emulator.test"), List.of(2, "localhost"));
    }
  }

  @Test
  void anotherRunsCertificateIsNotTrusted() throws Exception {
    try (TlsMaterial one = TlsMaterial.generate(); TlsMaterial other = TlsMaterial.generate()) {
      X509Certificate foreign = other.caCertificate();
      assertThatThrownBy(() -> one.trustManager().checkServerTrusted(new X509Certificate[] {foreign}, "ECDHE_ECDSA"))
          .isInstanceOf(CertificateException.class);
      assertThat(List.of(one.trustManager().getAcceptedIssuers())).containsExactly(one.caCertificate());
    }
  }

  @Test
  void closingDeletesTheKeystoreFile() {
    TlsMaterial tls = TlsMaterial.generate();
    tls.close();
    assertThat(tls.keystorePath()).doesNotExist();
  }
}
