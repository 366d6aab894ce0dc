package dev.jitelevate.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.internal.retry.Backoff;
import dev.jitelevate.core.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PollerTest {
  final ManualTime clock = new ManualTime(Harness.START);
  final List<ElevationEvent> events = new ArrayList<>();

  @Nested
  class BackoffDelays {
    @Test
    void growFromTheInitialIntervalToTheCapAndNeverGoBelowOneSecond() {
      PollingPolicy p = new PollingPolicy(Duration.ofMillis(250), Duration.ofSeconds(8), 2, 0, 3, Duration.ofMinutes(5));
      Backoff b = Backoff.polling(p, () -> 0.5);
      assertThat(List.of(b.delay(1), b.delay(4), b.delay(5), b.delay(30)))
          .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void jitterStaysWithinItsFraction() {
      PollingPolicy p = new PollingPolicy(Duration.ofSeconds(4), Duration.ofSeconds(10), 1, 0.25, 3, Duration.ofMinutes(5));
      assertThat(Backoff.polling(p, () -> 0.0).delay(1)).isEqualTo(Duration.ofSeconds(3));
      assertThat(Backoff.polling(p, () -> 0.999999).delay(1)).isBetween(Duration.ofMillis(4990), Duration.ofSeconds(5));
    }

    @Test
    void aPolicyCapBelowOneSecondIsHonouredForFastTests() {
      PollingPolicy p = PollingPolicy.defaults().withIntervals(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(Backoff.polling(p, () -> 0.5).delay(10)).isEqualTo(Duration.ofMillis(100));
    }
  }

  @Nested
  class WaitUntil {
    final Poller poller = new Poller(clock, clock, Backoff.polling(PollingPolicy.defaults(), () -> 0.5), events::add);

    @Test
    void returnsTheFirstValueThatIsDoneAndAnnouncesEachWait() throws Exception {
      AtomicInteger reads = new AtomicInteger();
      int value = poller.waitUntil("await", reads::incrementAndGet, v -> v == 3, v -> "read " + v,
          Harness.START.plusSeconds(60));
      assertThat(value).isEqualTo(3);
      assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(ElevationEvent.Waiting.class));
      assertThat(((ElevationEvent.Waiting) events.get(1)).elapsed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void givesUpAtTheDeadlineWithTheLastValue() {
      Instant deadline = Harness.START.plusSeconds(5);
      assertThatThrownBy(() -> poller.waitUntil("await", () -> "pending", v -> false, v -> v, deadline))
          .isInstanceOfSatisfying(Poller.DeadlinePassed.class, e -> {
            assertThat(e.last()).isEqualTo("pending");
            assertThat(e.waited()).isEqualTo(Duration.ofSeconds(5));
          });
      assertThat(clock.instant()).isEqualTo(deadline);
    }

    @Test
    void neverSleepsPastTheDeadline() {
      Instant deadline = Harness.START.plusMillis(1500);
      assertThatThrownBy(() -> poller.waitUntil("await", () -> 0, v -> false, v -> "x", deadline))
          .isInstanceOf(Poller.DeadlinePassed.class);
      assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(500));
    }
  }

  @Nested
  class RbacMarkers {
    @Test
    void roundTripTheExpiryAndIgnoreForeignDescriptions() {
      Instant t = Instant.parse("2026-11-25T10:00:00Z");
      assertThat(RbacMarker.format(t, "run-1")).isEqualTo("jit-elevate:expires=2026-11-25T10:00:00Z;run=run-1");
      assertThat(RbacMarker.expiry("deploy; " + RbacMarker.format(t, "r"))).contains(t);
      assertThat(RbacMarker.expiry("jit-elevate:expires=yesterday;run=r")).isEmpty();
      assertThat(RbacMarker.expiry(null)).isEmpty();
    }
  }
}
