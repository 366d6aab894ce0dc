package dev.jitelevate.core.internal.gateway.sdk;

import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.retry.Backoff;
import dev.jitelevate.core.internal.retry.Retrier;
import dev.jitelevate.core.internal.retry.ThrottleGate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Retries one service call through transient failures — 429 (never sooner than {@code Retry-After}), 5xx,
 * connection resets and time-outs — up to {@link dev.jitelevate.core.PollingPolicy#maxRetries()} times, on the
 * policy's transport schedule. Each surface classifies its SDK's failures with a {@link Verdict}; the waiting
 * and deciding is the one {@link Retrier}'s.
 */
public final class TransientRetry {
  private final Retrier retrier;
  private final int maxAttempts;
  private final SurfaceContext context;
  private final ThrottleGate gate;

  /** Retries for a client whose throttling nobody else shares. */
  public TransientRetry(SurfaceContext context) {
    this(context, new ThrottleGate());
  }

  /**
   * Retries for a client that shares {@code gate} with the other calls of its identity: a {@code Retry-After}
   * one of them hears holds the others' next attempts until then (see {@link ThrottleGate}).
   */
  public TransientRetry(SurfaceContext context, ThrottleGate gate) {
    this.retrier = new Retrier(context.clock(), context.sleeper(), Backoff.transport(context.polling(), context.random()),
        context.events());
    this.maxAttempts = context.polling().maxRetries() + 1;
    this.context = context;
    this.gate = gate;
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
    Function<Throwable, Verdict> verdict = e -> e instanceof RuntimeException r ? classify.apply(r) : Verdict.permanent();
    Retrier.Plan plan = new Retrier.Plan(operation, e -> verdict.apply(e).isTransient(), maxAttempts, Instant.MAX,
        e -> verdict.apply(e).reason(), e -> verdict.apply(e).retryAfter());
    RuntimeException[] last = new RuntimeException[1];
    try {
      return retrier.call(plan, () -> {
        try {
          gate.pass(context.clock(), context.sleeper(), context.random());
          return call.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(operation + " was interrupted while its client was throttled", e);
        } catch (RuntimeException e) {
          last[0] = e;
          verdict.apply(e).retryAfter().filter(wait -> verdict.apply(e).isTransient())
              .ifPresent(wait -> gate.closeUntil(context.clock().instant().plus(Retrier.delay(Optional.of(wait), Duration.ZERO))));
          throw e;
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw last[0];
    }
  }
}
