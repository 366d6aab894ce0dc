package dev.jitelevate.core.internal.retry;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.Sleeper;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one retry mechanism: for the transport's transient failures (429, 5xx, resets) and for what the lifecycle
 * decides about (the deactivation floor on revoke, 403 while access propagates, a principal not yet
 * replicated). resilience4j decides whether and when: its interval function is the {@link Backoff}, raised to
 * a failure's floor (the server's {@code Retry-After}); the injected sleeper waits; each retry is announced
 * as a {@code Retrying} event.
 *
 * <p>{@code Retry-After} is a floor, not a schedule: the wait is the longer of it and the jittered exponential
 * backoff. Many clients throttled together (one broker for many pipelines) all hear "retry after 1 second";
 * retrying exactly then makes them collide again every second until their retries are spent.
 */
public final class Retrier {
  /** The longest {@code Retry-After} honoured: a server asking for more gets this. */
  static final Duration LONGEST_FLOOR = Duration.ofMinutes(2);

  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final ElevationListener events;

  public Retrier(Clock clock, Sleeper sleeper, Backoff backoff, ElevationListener events) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * What to retry.
   *
   * @param call the call's name in events
   * @param retryable which failures are retried
   * @param maxAttempts how many attempts in all
   * @param deadline no retry starts after it
   * @param reason a failure's reason in the event
   * @param floor the least wait a failure asks for (the server's {@code Retry-After}), when it asks
   */
  public record Plan(String call, Predicate<Throwable> retryable, int maxAttempts, Instant deadline,
      Function<Throwable, String> reason, Function<Throwable, Optional<Duration>> floor) {

    public Plan {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(retryable, "retryable");
      Objects.requireNonNull(deadline, "deadline");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(floor, "floor");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
    }

    /** A plan whose failures ask for no particular wait. */
    public Plan(String call, Predicate<Throwable> retryable, int maxAttempts, Instant deadline,
        Function<Throwable, String> reason) {
      this(call, retryable, maxAttempts, deadline, reason, failure -> Optional.empty());
    }
  }

  /**
   * Calls until it succeeds, fails in a way the plan does not retry, runs out of attempts, or the deadline
   * passes; then the last failure is thrown as it was.
   *
   * @throws InterruptedException when interrupted while waiting between attempts
   */
  public <T> T call(Plan plan, Supplier<T> call) throws InterruptedException {
    return call(plan, call, result -> true, result -> "");
  }

  /**
   * Calls until the result is {@code done} (or it fails as in {@link #call(Plan, Supplier)}); a result not yet
   * done is retried like a retryable failure, and the last one is returned when the attempts or the time run out.
   *
   * @throws InterruptedException when interrupted while waiting between attempts
   */
  public <T> T call(Plan plan, Supplier<T> call, Predicate<T> done, Function<T, String> notDone)
      throws InterruptedException {
    IntervalBiFunction<T> interval = (attempt, outcome) -> {
      Duration wait = backoff.delay(attempt);
      if (outcome.isLeft()) {
        wait = delay(plan.floor().apply(outcome.getLeft()), wait);
      }
      return wait.toMillis();
    };
    RetryConfig config = RetryConfig.<T>custom()
        .maxAttempts(plan.maxAttempts())
        .retryOnException(plan.retryable())
        .retryOnResult(result -> !done.test(result))
        .intervalBiFunction(interval)
        .failAfterMaxAttempts(false)
        .build();
    Retry.AsyncContext<T> context = Retry.of(plan.call(), config).asyncContext();
    for (int attempt = 1; ; attempt++) {
      T result;
      try {
        result = call.get();
      } catch (RuntimeException failure) {
        if (!await(plan, attempt, context.onError(failure), plan.reason().apply(failure))) {
          throw failure;
        }
        continue;
      }
      if (done.test(result)) {
        context.onComplete();
        return result;
      }
      if (!await(plan, attempt, context.onResult(result), notDone.apply(result))) {
        return result;
      }
    }
  }

  /** Waits before the next attempt, within the deadline; false when there is to be none. */
  private boolean await(Plan plan, int attempt, long waitMillis, String reason) throws InterruptedException {
    Instant now = clock.instant();
    if (waitMillis < 0 || !now.isBefore(plan.deadline())) {
      return false;
    }
    Duration delay = shorter(Duration.ofMillis(waitMillis), Duration.between(now, plan.deadline()));
    events.on(new ElevationEvent.Retrying(now, plan.call(), attempt, delay, reason));
    sleeper.sleep(delay);
    return true;
  }

  /** Never sooner than the floor (at most {@link #LONGEST_FLOOR}); later when the backoff has grown past it. */
  public static Duration delay(Optional<Duration> floor, Duration backoff) {
    return floor.map(Retrier::bounded).filter(f -> f.compareTo(backoff) > 0).orElse(backoff);
  }

  private static Duration bounded(Duration floor) {
    if (floor.isNegative()) {
      return Duration.ZERO;
    }
    return floor.compareTo(LONGEST_FLOOR) > 0 ? LONGEST_FLOOR : floor;
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
