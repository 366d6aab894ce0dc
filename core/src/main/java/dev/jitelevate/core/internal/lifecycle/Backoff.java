package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.PollingPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delays between polls and retries: exponential from the policy's initial interval, capped at its maximum,
 * with jitter. Never below one second (at most one poll per second per elevation), unless the policy's
 * maximum is lower (tests against the emulator use that).
 */
final class Backoff {
  private static final Duration FLOOR = Duration.ofSeconds(1);

  private final PollingPolicy policy;
  private final DoubleSupplier random;

  Backoff(PollingPolicy policy, DoubleSupplier random) {
    this.policy = policy;
    this.random = random;
  }

  /** The least time between two polls: one second, or the policy's maximum when that is lower. */
  Duration minimumGap() {
    return Duration.ofMillis(Math.min(FLOOR.toMillis(), policy.maxInterval().toMillis()));
  }

  /** The delay before attempt {@code attempt + 1}, for attempt 1, 2, .... */
  Duration delay(int attempt) {
    double base = policy.initialInterval().toMillis() * Math.pow(policy.multiplier(), Math.max(0, attempt - 1));
    double capped = Math.min(base, policy.maxInterval().toMillis());
    double jittered = capped * (1 + policy.jitter() * (2 * random.getAsDouble() - 1));
    long millis = Math.max(minimumGap().toMillis(), Math.min((long) jittered, policy.maxInterval().toMillis()));
    return Duration.ofMillis(millis);
  }
}
