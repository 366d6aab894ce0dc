package dev.jitelevate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollingPolicyTest {

  @Test
  void customStartsFromTheDefaultsIncludingTheTransportSchedule() {
    PollingPolicy p = PollingPolicy.custom().build();
    assertThat(p).isEqualTo(PollingPolicy.defaults());
    assertThat(p.transportInitialInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.transportMaxInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void fromKeepsEveryKnobOfItsBaseButTheOnesChanged() {
    PollingPolicy base = PollingPolicy.custom().intervals(Duration.ofMillis(50), Duration.ofMillis(200)).maxRetries(2)
        .transportIntervals(Duration.ofMillis(10), Duration.ofMillis(40)).build();
    PollingPolicy derived = PollingPolicy.from(base).jitter(0).build();
    assertThat(derived.initialInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(derived.maxRetries()).isEqualTo(2);
    assertThat(derived.transportMaxInterval()).isEqualTo(Duration.ofMillis(40));
    assertThat(derived.jitter()).isZero();
    assertThat(base.withMaxRetries(5).transportInitialInterval()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void aTransportJitterAboveOneIsRefusedWhenBuilt() {
    assertThatThrownBy(() -> PollingPolicy.custom().transportJitter(1.5).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transport jitter");
  }
}
