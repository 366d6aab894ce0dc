package dev.jitelevate.core.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.PollingPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetrierTest {
  static final Instant START = Instant.parse("2026-11-25T05:00:00Z");
  final List<Duration> sleeps = new ArrayList<>();
  final List<ElevationEvent> events = new ArrayList<>();
  final PollingPolicy policy = PollingPolicy.custom().transportIntervals(Duration.ofMillis(500), Duration.ofSeconds(30))
      .transportJitter(0).build();
  final Retrier retrier = new Retrier(Clock.fixed(START, ZoneOffset.UTC), sleeps::add,
      Backoff.transport(policy, () -> 0.5), events::add);

  @Nested
  class DelayAfterAThrottle {
    @Test
    void waitsAtLeastAsLongAsRetryAfterSays() {
      assertThat(Retrier.delay(Optional.of(Duration.ofSeconds(2)), Duration.ofMillis(300)))
          .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void waitsForTheGrownBackoffWhenItIsLongerThanRetryAfter() {
      assertThat(Retrier.delay(Optional.of(Duration.ofSeconds(1)), Duration.ofMillis(3700)))
          .isEqualTo(Duration.ofMillis(3700));
    }

    @Test
    void capsAnExcessiveRetryAfterAtTwoMinutes() {
      assertThat(Retrier.delay(Optional.of(Duration.ofHours(1)), Duration.ofSeconds(1)))
          .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void usesTheBackoffWithoutRetryAfter() {
      assertThat(Retrier.delay(Optional.empty(), Duration.ofMillis(800))).isEqualTo(Duration.ofMillis(800));
    }
  }

  @Nested
  class Calls {
    @Test
    void waitsTheBackoffRaisedToEachFailuresFloorAndAnnouncesEachRetry() throws Exception {
      AtomicInteger attempts = new AtomicInteger();
      Retrier.Plan plan = new Retrier.Plan("roleAssignments.list", e -> true, 4, START.plusSeconds(600),
          e -> "throttled", e -> Optional.of(Duration.ofSeconds(attempts.get() == 1 ? 3 : 0)));
      String result = retrier.call(plan, () -> {
        if (attempts.incrementAndGet() < 4) {
          throw new IllegalStateException("429");
        }
        return "ok";
      });
      assertThat(result).isEqualTo("ok");
      assertThat(sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(ElevationEvent.Retrying.class));
    }

    @Test
    void throwsTheLastFailureOnceTheAttemptsAreSpent() {
      AtomicInteger attempts = new AtomicInteger();
      Retrier.Plan plan = new Retrier.Plan("submit", e -> true, 3, START.plusSeconds(600), e -> "5xx");
      assertThatThrownBy(() -> retrier.call(plan, () -> {
        throw new IllegalStateException("attempt " + attempts.incrementAndGet());
      })).hasMessage("attempt 3");
      assertThat(sleeps).hasSize(2);
    }

    @Test
    void retriesAResultThatIsNotDoneYetAndReturnsTheLastOne() throws Exception {
      AtomicInteger attempts = new AtomicInteger();
      Retrier.Plan plan = new Retrier.Plan("principal.lookup", e -> false, 3, START.plusSeconds(600), e -> "");
      Optional<String> found = retrier.call(plan, () -> attempts.incrementAndGet() < 9 ? Optional.<String>empty()
          : Optional.of("x"), Optional::isPresent, absent -> "not replicated yet");
      assertThat(found).isEmpty();
      assertThat(attempts).hasValue(3);
      assertThat(events).extracting(e -> ((ElevationEvent.Retrying) e).reason()).containsOnly("not replicated yet");
    }

    @Test
    void neverRetriesAFailureThePlanDoesNotName() {
      Retrier.Plan plan = new Retrier.Plan("submit", e -> false, 5, START.plusSeconds(600), e -> "");
      assertThatThrownBy(() -> retrier.call(plan, () -> {
        throw new IllegalArgumentException("refused");
      })).hasMessage("refused");
      assertThat(sleeps).isEmpty();
    }
  }

  @Nested
  class Schedules {
    @Test
    void theSameRandomSourceGivesTheSameDelays() {
      PollingPolicy p = PollingPolicy.defaults();
      assertThat(Backoff.transport(p, () -> 0.25).delay(3)).isEqualTo(Backoff.transport(p, () -> 0.25).delay(3));
      assertThat(Backoff.transport(p, () -> 0.0).delay(1)).isEqualTo(Duration.ofMillis(250));
      assertThat(Backoff.transport(p, () -> 0.5).delay(20)).isEqualTo(Duration.ofSeconds(30));
    }
  }
}
