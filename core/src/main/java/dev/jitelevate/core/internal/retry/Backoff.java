package dev.jitelevate.core.internal.retry;

import dev.jitelevate.core.PollingPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Delays between polls and retries: exponential from an initial interval, capped at a maximum, with jitter
 * from an injected random source, never below a floor. One class for both schedules a {@link PollingPolicy}
 * describes: polling (and the lifecycle's retries), and the transport's retries of transient failures.
 */
public final class Backoff {
  /** At most one poll per second per elevation. */
  private static final Duration POLL_FLOOR = Duration.ofSeconds(1);

  private final Duration initial;
  private final Duration max;
  private final double multiplier;
  private final double jitter;
  private final Duration floor;
  private final DoubleSupplier random;

  private Backoff(Duration initial, Duration max, double multiplier, double jitter, Duration floor, DoubleSupplier random) {
    this.initial = initial;
    this.max = max;
    this.multiplier = multiplier;
    this.jitter = jitter;
    this.floor = floor;
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The polling schedule: never below one second (at most one poll per second per elevation), unless the
   * policy's maximum is lower (tests against the emulator use that).
   */
  public static Backoff polling(PollingPolicy policy, DoubleSupplier random) {
    Duration floor = Duration.ofMillis(Math.min(POLL_FLOOR.toMillis(), policy.maxInterval().toMillis()));
    return new Backoff(policy.initialInterval(), policy.maxInterval(), policy.multiplier(), policy.jitter(), floor, random);
  }

  /** The transport's schedule for transient failures (429, 5xx, resets): its own intervals, the same jitter source. */
  public static Backoff transport(PollingPolicy policy, DoubleSupplier random) {
    return new Backoff(policy.transportInitialInterval(), policy.transportMaxInterval(), policy.transportMultiplier(),
        policy.transportJitter(), Duration.ZERO, random);
  }

  /** The least time between two polls. */
  public Duration minimumGap() {
    return floor;
  }

  /** The delay before attempt {@code attempt + 1}, for attempt 1, 2, .... */
  public Duration delay(int attempt) {
    double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    double capped = Math.min(base, max.toMillis());
    double jittered = capped * (1 + jitter * (2 * random.getAsDouble() - 1));
    long millis = Math.max(floor.toMillis(), Math.min((long) jittered, max.toMillis()));
    return Duration.ofMillis(millis);
  }
}
