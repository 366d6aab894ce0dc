package dev.jitelevate.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HazardGateTest {
  @Test
  void graphSendsAFractionalRetryAfterAsTheServiceDoes() {
    var response = HazardGate.throttled(new FakeSurface("graph", "/v1.0", true), 0.25);
    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers()).containsEntry("Retry-After", "0.25");
  }

  @Test
  void otherServicesRoundTheWaitUpToWholeSeconds() {
    assertThat(HazardGate.throttled(new FakeSurface("arm", "/subscriptions", true), 0.25).headers())
        .containsEntry("Retry-After", "1");
    assertThat(HazardGate.throttled(new FakeSurface("arm", "/subscriptions", true), 2.1).headers())
        .containsEntry("Retry-After", "3");
  }

  @Test
  void aWholeWaitOnGraphCarriesNoTrailingFraction() {
    assertThat(HazardGate.throttled(new FakeSurface("graph", "/v1.0", true), 2.0).headers())
        .containsEntry("Retry-After", "2");
  }
}
