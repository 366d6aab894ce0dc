package dev.jitelevate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class BoundAddressIT {
  @Test
  void servesOnTheBoundAddressWithACertificateThatNamesIt() throws Exception {
    // 127.0.0.2 is a second loopback address on Linux: not 127.0.0.1, yet always this machine's.
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"),
        "127.0.0.2 is a local address on Linux only");
    try (PimEmulator emulator = PimEmulator.builder().bind("127.0.0.2").start()) {
      assertThat(emulator.baseUrl()).startsWith("https://127.0.0.2:");
      HttpClient client = HttpClient.newBuilder().sslContext(emulator.sslContext()).build();
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(
          URI.create(emulator.baseUrl() + "_emulator/assignments")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refusesAWildcardAddressThatNoClientCouldConnectTo() {
    assertThatThrownBy(() -> PimEmulator.builder().bind("0.0.0.0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bind needs the one address");
  }
}
