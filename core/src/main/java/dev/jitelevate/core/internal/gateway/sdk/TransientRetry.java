package dev.jitelevate.core.internal.gateway.sdk;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Retries one service call through transient failures — 429 (honouring {@code Retry-After}), 5xx, connection
 * resets and time-outs — up to {@link dev.jitelevate.core.PollingPolicy#maxRetries()} times. Each surface
 * classifies its SDK's failures with a {@link Verdict}; resilience4j decides whether to go on, the injected
 * sleeper waits, and every retry is announced as a {@link ElevationEvent.Retrying} event.
 *
 * <p>{@code Retry-After} is a floor, not a schedule: the wait is the longer of it and the jittered exponential
 * backoff. Many clients throttled together (one broker for many pipelines) all hear "retry after 1 second";
 * retrying exactly then makes them collide again every second until their retries are spent.
 */
public final class TransientRetry {
  private static final Duration BASE = Duration.ofMillis(500);
  private static final Duration CAP = Duration.ofSeconds(30);
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(2);

  private final SurfaceContext context;

  public TransientRetry(SurfaceContext context) {
    this.context = context;
  }

  /** What a surface makes of one failure. */
  public record Verdict(boolean isTransient, Optional<Duration> retryAfter, String reason) {
    /** Not to be retried here (a real refusal, or something the lifecycle decides about). */
    public static Verdict permanent() {
      return new Verdict(false, Optional.empty(), "");
    }

    /** Worth another try, after the server's hint when it sent one. */
    public static Verdict retry(Optional<Duration> retryAfter, String reason) {
      return new Verdict(true, retryAfter, reason);
    }
  }

  /**
   * Calls until it succeeds or fails permanently or the retries are spent; then the last failure is thrown
   * as it was. An interrupt while waiting restores the flag and throws the failure that caused the wait.
   */
  public <T> T call(String operation, Supplier<T> call, Function<RuntimeException, Verdict> classify) {
    RetryConfig config = RetryConfig.custom()
        .maxAttempts(context.polling().maxRetries() + 1)
        .retryOnException(e -> e instanceof RuntimeException r && classify.apply(r).isTransient())
        .intervalFunction(attempt -> backoff(attempt).toMillis())
        .failAfterMaxAttempts(false)
        .build();
    Retry.AsyncContext<T> retry = Retry.of(operation, config).asyncContext();
    for (int attempt = 1; ; attempt++) {
      try {
        T result = call.get();
        retry.onComplete();
        return result;
      } catch (RuntimeException failure) {
        long backoffMillis = retry.onError(failure);
        if (backoffMillis < 0) {
          throw failure;
        }
        Verdict verdict = classify.apply(failure);
        Duration delay = delay(verdict.retryAfter(), Duration.ofMillis(backoffMillis));
        context.events().on(new ElevationEvent.Retrying(context.clock().instant(), operation, attempt, delay,
            verdict.reason()));
        pause(delay, failure);
      }
    }
  }

  /** Never sooner than the server asked; later when the backoff has grown past it. */
  static Duration delay(Optional<Duration> retryAfter, Duration backoff) {
    return retryAfter.map(TransientRetry::bounded).filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
  }

  private void pause(Duration delay, RuntimeException failure) {
    try {
      context.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  private static Duration backoff(int attempt) {
    long exponential = BASE.toMillis() << Math.min(attempt - 1, 16);
    long capped = Math.min(exponential, CAP.toMillis());
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  private static Duration bounded(Duration retryAfter) {
    if (retryAfter.isNegative()) {
      return Duration.ZERO;
    }
    return retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter;
  }
}
