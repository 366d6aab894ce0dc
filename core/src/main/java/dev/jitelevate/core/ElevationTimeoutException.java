package dev.jitelevate.core;

import java.time.Duration;

/**
 * A deadline passed: approval, provisioning, propagation or confirming revocation. Whatever was pending has
 * been cancelled by the time this is thrown.
 */
public class ElevationTimeoutException extends ElevationException {
  private final String phase;
  private final Duration waited;

  public ElevationTimeoutException(String phase, Duration waited, String message) {
    super(FailureKind.TIMED_OUT, message);
    this.phase = phase;
    this.waited = waited;
  }

  /** What was awaited: {@code approval}, {@code provisioning}, {@code propagation}, {@code revocation}. */
  public String phase() {
    return phase;
  }

  /** How long it was awaited. */
  public Duration waited() {
    return waited;
  }
}
