package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.Sleeper;
import dev.jitelevate.core.internal.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a condition holds or a deadline passes: backoff with jitter between reads, an injected clock
 * and sleeper, a {@code Waiting} event after every read that is not yet done.
 */
final class Poller {
  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final ElevationListener events;

  Poller(Clock clock, Sleeper sleeper, Backoff backoff, ElevationListener events) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.backoff = backoff;
    this.events = events;
  }

  /** The deadline passed; {@link #last()} is the last value read. */
  static final class DeadlinePassed extends Exception {
    private final transient Object last;
    private final Duration waited;

    DeadlinePassed(Object last, Duration waited) {
      super("deadline passed after " + waited, null, false, false);
      this.last = last;
      this.waited = waited;
    }

    Object last() {
      return last;
    }

    Duration waited() {
      return waited;
    }
  }

  /** Reads until {@code done}, giving up at a fixed deadline. */
  <T> T waitUntil(String step, Supplier<T> read, Predicate<T> done, Function<T, String> status, Instant deadline)
      throws DeadlinePassed, InterruptedException {
    return waitUntil(step, read, done, status, value -> deadline);
  }

  /**
   * Reads until {@code done}. The deadline may depend on the last value read (approval has its own).
   *
   * @throws DeadlinePassed when the deadline for the last value has passed
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  <T> T waitUntil(String step, Supplier<T> read, Predicate<T> done, Function<T, String> status,
      Function<T, Instant> deadlineOf) throws DeadlinePassed, InterruptedException {
    Instant started = clock.instant();
    for (int attempt = 1; ; attempt++) {
      T value = read.get();
      if (done.test(value)) {
        return value;
      }
      Instant now = clock.instant();
      Instant deadline = deadlineOf.apply(value);
      if (!now.isBefore(deadline)) {
        throw new DeadlinePassed(value, Duration.between(started, now));
      }
      events.on(new ElevationEvent.Waiting(now, step, status.apply(value), Duration.between(started, now), deadline));
      Duration delay = backoff.delay(attempt);
      Duration left = Duration.between(now, deadline);
      sleeper.sleep(delay.compareTo(left) < 0 ? delay : left);
    }
  }
}
