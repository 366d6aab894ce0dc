package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.Sleeper;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries what the lifecycle itself retries (ActiveDurationTooShort on revoke, 403 while the role propagates,
 * SubjectNotFound for fresh principals) with a resilience4j {@link Retry}: resilience4j decides whether and
 * when, the injected sleeper waits, and each retry is announced as a {@code Retrying} event.
 */
final class Retrier {
  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final ElevationListener events;

  Retrier(Clock clock, Sleeper sleeper, Backoff backoff, ElevationListener events) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.backoff = backoff;
    this.events = events;
  }

  /**
   * What to retry: a call name for events, which failures are retryable, how many attempts, a deadline after
   * which no retry starts, and the reason text of a failure for the event.
   */
  record Plan(String call, Predicate<Throwable> retryable, int maxAttempts, Instant deadline,
      Function<Throwable, String> reason) {}

  /**
   * Calls until it succeeds, fails in a way the plan does not retry, runs out of attempts, or the deadline
   * passes; then the last failure is thrown as it was.
   */
  <T> T call(Plan plan, Supplier<T> call) throws InterruptedException {
    return call(plan, call, result -> true, result -> "");
  }

  /**
   * Calls until the result is {@code done} (or it fails as in {@link #call(Plan, Supplier)}); a result not yet
   * done is retried like a retryable failure, and the last one is returned when the attempts or the time run out.
   */
  <T> T call(Plan plan, Supplier<T> call, Predicate<T> done, Function<T, String> notDone) throws InterruptedException {
    RetryConfig config = RetryConfig.<T>custom()
        .maxAttempts(plan.maxAttempts())
        .retryOnException(plan.retryable())
        .retryOnResult(result -> !done.test(result))
        .intervalFunction(attempt -> backoff.delay(attempt).toMillis())
        .failAfterMaxAttempts(false)
        .build();
    Retry.AsyncContext<T> context = Retry.of(plan.call(), config).asyncContext();
    for (int attempt = 1; ; attempt++) {
      T result;
      try {
        result = call.get();
      } catch (RuntimeException failure) {
        long waitMillis = context.onError(failure);
        Instant now = clock.instant();
        if (waitMillis < 0 || !now.isBefore(plan.deadline())) {
          throw failure;
        }
        Duration delay = shorter(Duration.ofMillis(waitMillis), Duration.between(now, plan.deadline()));
        events.on(new ElevationEvent.Retrying(now, plan.call(), attempt, delay, plan.reason().apply(failure)));
        sleeper.sleep(delay);
        continue;
      }
      if (done.test(result)) {
        context.onComplete();
        return result;
      }
      long waitMillis = context.onResult(result);
      Instant now = clock.instant();
      if (waitMillis < 0 || !now.isBefore(plan.deadline())) {
        return result;
      }
      Duration delay = shorter(Duration.ofMillis(waitMillis), Duration.between(now, plan.deadline()));
      events.on(new ElevationEvent.Retrying(now, plan.call(), attempt, delay, notDone.apply(result)));
      sleeper.sleep(delay);
    }
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
