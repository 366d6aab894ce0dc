package dev.jitelevate.core.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.Sleeper;
import dev.jitelevate.core.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleGateTest {
  static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

  final ManualTime time = new ManualTime(START);
  final ThrottleGate gate = new ThrottleGate();

  @Test
  void letsCallsThroughAtOnceWhileNothingWasThrottled() throws Exception {
    gate.pass(time, time, () -> 0.7);

    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void holdsTheOtherCallsUntilRetryAfterHasPassed() throws Exception {
    gate.closeUntil(START.plusSeconds(2));

    gate.pass(time, time, () -> 0.0);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(time.now).isEqualTo(START.plusSeconds(2));
  }

  @Test
  void spreadsTheHeldCallsOverASecondAfterTheReopening() {
    gate.closeUntil(START.plusSeconds(2));

    assertThat(gate.holdAt(START, () -> 0.0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(gate.holdAt(START, () -> 0.5)).isEqualTo(Duration.ofMillis(2500));
    assertThat(gate.holdAt(START, () -> 0.999)).isEqualTo(Duration.ofMillis(2999));
  }

  @Test
  void neverShortensAHoldWhenALaterThrottleNamesAnEarlierTime() {
    gate.closeUntil(START.plusSeconds(5));
    gate.closeUntil(START.plusSeconds(1));

    assertThat(gate.holdAt(START, () -> 0.0)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void opensAgainOnceTheTimeHasCome() {
    gate.closeUntil(START.plusSeconds(2));

    assertThat(gate.holdAt(START.plusSeconds(2), () -> 0.9)).isZero();
  }

  @Test
  void holdsAgainWhenAnotherCallWasThrottledForLongerMeanwhile() throws Exception {
    gate.closeUntil(START.plusSeconds(1));
    Sleeper throttledMeanwhile = d -> {
      time.sleep(d);
      if (time.sleeps.size() == 1) {
        gate.closeUntil(START.plusSeconds(3));
      }
    };

    gate.pass(time, throttledMeanwhile, () -> 0.0);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void sharesOneGatePerClientAndServiceInTheJvm() {
    Object broker = new Object();
    Object other = new Object();

    assertThat(ThrottleGate.of(broker, "arm https://management.azure.com/"))
        .isSameAs(ThrottleGate.of(broker, "arm https://management.azure.com/"))
        .isNotSameAs(ThrottleGate.of(other, "arm https://management.azure.com/"))
        .isNotSameAs(ThrottleGate.of(broker, "arm https://management.usgovcloudapi.net/"));
  }
}
