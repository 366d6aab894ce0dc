package dev.jitelevate.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How to poll and how to retry transient failures. Immutable: start from {@link #defaults()} and derive
 * with the {@code with*} methods.
 *
 * @param initialInterval first poll delay
 * @param maxInterval cap on the poll delay (also the lower bound is 1 poll/second per elevation)
 * @param multiplier backoff multiplier between polls
 * @param jitter random fraction (0..1) applied to each delay
 * @param maxRetries how many times a transient failure (429, 5xx, reset) of one call is retried
 * @param minimumActiveDuration the service's deactivation floor (5 minutes; tests lower it with the emulator's)
 */
public record PollingPolicy(Duration initialInterval, Duration maxInterval, double multiplier, double jitter,
    int maxRetries, Duration minimumActiveDuration) {

  public PollingPolicy {
    Objects.requireNonNull(initialInterval);
    Objects.requireNonNull(maxInterval);
    Objects.requireNonNull(minimumActiveDuration);
    if (multiplier < 1) throw new IllegalArgumentException("multiplier must be >= 1");
    if (jitter < 0 || jitter > 1) throw new IllegalArgumentException("jitter must be within 0..1");
    if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
  }

  public static PollingPolicy defaults() {
    return new PollingPolicy(Duration.ofMillis(250), Duration.ofSeconds(1), 1.5, 0.2, 8, Duration.ofMinutes(5));
  }

  public PollingPolicy withMinimumActiveDuration(Duration d) {
    return new PollingPolicy(initialInterval, maxInterval, multiplier, jitter, maxRetries, d);
  }

  public PollingPolicy withIntervals(Duration initial, Duration max) {
    return new PollingPolicy(initial, max, multiplier, jitter, maxRetries, minimumActiveDuration);
  }

  public PollingPolicy withMaxRetries(int n) {
    return new PollingPolicy(initialInterval, maxInterval, multiplier, jitter, n, minimumActiveDuration);
  }
}
