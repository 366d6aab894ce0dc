package dev.jitelevate.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How to poll and how to retry. Immutable: start from {@link #defaults()} and derive with the {@code with*}
 * methods, or build one with {@link #custom()} or {@link #from(PollingPolicy)}.
 *
 * @param initialInterval first poll delay (also the first delay of the lifecycle's own retries)
 * @param maxInterval cap on the poll delay (also the lower bound is 1 poll/second per elevation)
 * @param multiplier backoff multiplier between polls
 * @param jitter random fraction (0..1) applied to each delay
 * @param maxRetries how many times a transient failure (429, 5xx, reset) of one call is retried
 * @param minimumActiveDuration the service's deactivation floor (5 minutes; tests lower it with the emulator's)
 * @param transportInitialInterval first delay before retrying a transient failure (never sooner than the
 *     server's {@code Retry-After})
 * @param transportMaxInterval cap on the delay between transient retries
 * @param transportMultiplier backoff multiplier between transient retries
 * @param transportJitter random fraction (0..1) applied to each transient retry's delay
 */
public record PollingPolicy(Duration initialInterval, Duration maxInterval, double multiplier, double jitter,
    int maxRetries, Duration minimumActiveDuration, Duration transportInitialInterval, Duration transportMaxInterval,
    double transportMultiplier, double transportJitter) {

  private static final Duration TRANSPORT_INITIAL = Duration.ofMillis(500);
  private static final Duration TRANSPORT_MAX = Duration.ofSeconds(30);
  private static final double TRANSPORT_MULTIPLIER = 2;
  private static final double TRANSPORT_JITTER = 0.5;

  /**
   * Validates every knob.
   *
   * @throws IllegalArgumentException when an interval is negative or a maximum below its initial interval, a
   *     multiplier below 1, a jitter outside 0..1, or the retries negative
   */
  public PollingPolicy {
    Objects.requireNonNull(initialInterval, "initialInterval");
    Objects.requireNonNull(maxInterval, "maxInterval");
    Objects.requireNonNull(minimumActiveDuration, "minimumActiveDuration");
    Objects.requireNonNull(transportInitialInterval, "transportInitialInterval");
    Objects.requireNonNull(transportMaxInterval, "transportMaxInterval");
    requireSchedule("", initialInterval, maxInterval, multiplier, jitter);
    requireSchedule("transport ", transportInitialInterval, transportMaxInterval, transportMultiplier, transportJitter);
    if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
    if (minimumActiveDuration.isNegative()) throw new IllegalArgumentException("minimumActiveDuration must not be negative");
  }

  /** A policy with the default transport retry schedule (500 ms doubling to 30 s, half jitter). */
  public PollingPolicy(Duration initialInterval, Duration maxInterval, double multiplier, double jitter, int maxRetries,
      Duration minimumActiveDuration) {
    this(initialInterval, maxInterval, multiplier, jitter, maxRetries, minimumActiveDuration, TRANSPORT_INITIAL,
        TRANSPORT_MAX, TRANSPORT_MULTIPLIER, TRANSPORT_JITTER);
  }

  private static void requireSchedule(String which, Duration initial, Duration max, double multiplier, double jitter) {
    if (initial.isNegative() || max.isNegative()) throw new IllegalArgumentException(which + "intervals must not be negative");
    if (multiplier < 1) throw new IllegalArgumentException(which + "multiplier must be >= 1");
    if (jitter < 0 || jitter > 1) throw new IllegalArgumentException(which + "jitter must be within 0..1");
  }

  /** Polls from 250 ms growing 1.5× to 1 s with 20 % jitter; 8 transient retries; PIM's 5-minute floor. */
  public static PollingPolicy defaults() {
    return new PollingPolicy(Duration.ofMillis(250), Duration.ofSeconds(1), 1.5, 0.2, 8, Duration.ofMinutes(5));
  }

  /** A builder starting from the {@link #defaults()}. */
  public static Builder custom() {
    return new Builder(defaults());
  }

  /** A builder starting from {@code base}. */
  public static Builder from(PollingPolicy base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  public PollingPolicy withMinimumActiveDuration(Duration d) {
    return from(this).minimumActiveDuration(d).build();
  }

  public PollingPolicy withIntervals(Duration initial, Duration max) {
    return from(this).intervals(initial, max).build();
  }

  public PollingPolicy withMaxRetries(int n) {
    return from(this).maxRetries(n).build();
  }

  /** Builds a {@link PollingPolicy}; every knob starts from the base it was made from. */
  public static final class Builder {
    private Duration initialInterval;
    private Duration maxInterval;
    private double multiplier;
    private double jitter;
    private int maxRetries;
    private Duration minimumActiveDuration;
    private Duration transportInitialInterval;
    private Duration transportMaxInterval;
    private double transportMultiplier;
    private double transportJitter;

    private Builder(PollingPolicy base) {
      initialInterval = base.initialInterval;
      maxInterval = base.maxInterval;
      multiplier = base.multiplier;
      jitter = base.jitter;
      maxRetries = base.maxRetries;
      minimumActiveDuration = base.minimumActiveDuration;
      transportInitialInterval = base.transportInitialInterval;
      transportMaxInterval = base.transportMaxInterval;
      transportMultiplier = base.transportMultiplier;
      transportJitter = base.transportJitter;
    }

    /** The first and the longest delay between polls. */
    public Builder intervals(Duration initial, Duration max) { initialInterval = initial; maxInterval = max; return this; }

    /** How much each poll delay grows. */
    public Builder multiplier(double value) { multiplier = value; return this; }

    /** The random fraction (0..1) applied to each poll delay. */
    public Builder jitter(double value) { jitter = value; return this; }

    /** How many times a transient failure of one call is retried. */
    public Builder maxRetries(int value) { maxRetries = value; return this; }

    /** The service's deactivation floor. */
    public Builder minimumActiveDuration(Duration value) { minimumActiveDuration = value; return this; }

    /** The first and the longest delay between transient retries. */
    public Builder transportIntervals(Duration initial, Duration max) {
      transportInitialInterval = initial;
      transportMaxInterval = max;
      return this;
    }

    /** How much each transient retry's delay grows. */
    public Builder transportMultiplier(double value) { transportMultiplier = value; return this; }

    /** The random fraction (0..1) applied to each transient retry's delay. */
    public Builder transportJitter(double value) { transportJitter = value; return this; }

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException when a knob is out of range (see {@link PollingPolicy})
     */
    public PollingPolicy build() {
      return new PollingPolicy(initialInterval, maxInterval, multiplier, jitter, maxRetries, minimumActiveDuration,
          transportInitialInterval, transportMaxInterval, transportMultiplier, transportJitter);
    }
  }
}
