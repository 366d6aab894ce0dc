package dev.jitelevate.core.internal.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.sdk.TransientRetry.Verdict;
import dev.jitelevate.core.internal.retry.ThrottleGate;
import dev.jitelevate.core.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TransientRetryTest {
  static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

  static final class Throttled extends RuntimeException {
    Throttled() {
      super("429");
    }
  }

  final ManualTime time = new ManualTime(START);
  final SurfaceContext context = new SurfaceContext(CloudProfile.azurePublic(), Optional.empty(), time, time,
      PollingPolicy.custom().transportIntervals(Duration.ofMillis(100), Duration.ofSeconds(30)).transportJitter(0).build(),
      ElevationListener.none(), call -> { }, () -> 0.0);
  final Function<RuntimeException, Verdict> classify = e -> e instanceof Throttled
      ? Verdict.retry(Optional.of(Duration.ofSeconds(2)), "throttled (429)") : Verdict.permanent();

  @Test
  void holdsTheNextCallOfTheSameClientUntilRetryAfterInsteadOfSpendingARequestOnIt() {
    ThrottleGate gate = new ThrottleGate();
    AtomicInteger attempts = new AtomicInteger();
    new TransientRetry(context, gate).call("first", () -> {
      if (attempts.incrementAndGet() == 1) {
        throw new Throttled();
      }
      return "ok";
    }, classify);
    time.now = START;
    List<Instant> secondCalledAt = new ArrayList<>();

    String result = new TransientRetry(context, gate).call("second", () -> {
      secondCalledAt.add(time.instant());
      return "ok";
    }, classify);

    assertThat(result).isEqualTo("ok");
    assertThat(secondCalledAt).containsExactly(START.plusSeconds(2));
  }

  @Test
  void keepsRetryAfterAsTheFloorOfTheThrottledCallsOwnRetry() {
    List<Instant> calledAt = new ArrayList<>();

    new TransientRetry(context, new ThrottleGate()).call("list", () -> {
      calledAt.add(time.instant());
      if (calledAt.size() == 1) {
        throw new Throttled();
      }
      return "ok";
    }, classify);

    assertThat(calledAt).containsExactly(START, START.plusSeconds(2));
  }

  @Test
  void leavesOtherClientsAlone() {
    AtomicInteger attempts = new AtomicInteger();
    new TransientRetry(context, new ThrottleGate()).call("broker", () -> {
      if (attempts.incrementAndGet() == 1) {
        throw new Throttled();
      }
      return "ok";
    }, classify);
    time.now = START;
    time.sleeps.clear();

    new TransientRetry(context, new ThrottleGate()).call("someone else", () -> "ok", classify);

    assertThat(time.sleeps).isEmpty();
  }
}
