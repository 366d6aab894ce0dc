package dev.jitelevate.emulator.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's notion of now: real time plus an offset that tests (and the admin API) can advance,
 * so that expiry, the 5-minute floor and approval time-outs are testable without waiting.
 */
public final class EmulatorClock {
  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public EmulatorClock(Clock base) {
    this.base = base;
  }

  /** A clock that follows the system's UTC time. */
  public static EmulatorClock system() {
    return new EmulatorClock(Clock.systemUTC());
  }

  /** Returns now, truncated to milliseconds (what the services return). */
  public Instant now() {
    return base.instant().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
  }

  /** Moves the emulator's time forward. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("The emulator clock only moves forward");
    }
    offset.updateAndGet(o -> o.plus(by));
  }

  /** Returns how far the clock has been advanced beyond real time. */
  public Duration offset() {
    return offset.get();
  }

  /** Puts the clock back on real time (scenario reset). */
  public void reset() {
    offset.set(Duration.ZERO);
  }
}
