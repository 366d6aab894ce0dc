package dev.jitelevate.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.Hazards;
import java.util.List;
import java.util.Map;
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

  @Test
  void aCallerThrottledOnOneServiceIsStillServedByAnother() {
    HazardGate gate = new HazardGate(new FaultRules(), new TokenBuckets(() -> 0L), () -> 1.0);
    Hazards hazards = Hazards.none().withThrottleRps(2);
    FakeSurface arm = new FakeSurface("arm", "/subscriptions", true);
    FakeSurface graph = new FakeSurface("graph", "/v1.0", true);

    int armServed = served(gate, arm, "oid:broker", hazards, 5);
    int graphServed = served(gate, graph, "oid:broker", hazards, 5);

    assertThat(armServed).as("a bucket of one second's requests").isEqualTo(2);
    assertThat(graphServed).as("Graph's own bucket, untouched by the ARM calls").isEqualTo(2);
    assertThat(served(gate, arm, "oid:other", hazards, 1)).as("another caller's bucket").isEqualTo(1);
  }

  private static int served(HazardGate gate, FakeSurface surface, String caller, Hazards hazards, int requests) {
    int served = 0;
    for (int i = 0; i < requests; i++) {
      EmulatorRequest request = new EmulatorRequest("GET", "/x", "/x", Map.of(),
          Map.<String, List<String>>of(), null, "r" + i);
      if (gate.evaluate(surface, request, caller, false, hazards).early().isEmpty()) {
        served++;
      }
    }
    return served;
  }
}
