package dev.jitelevate.core;

import java.util.Locale;

/**
 * What a run does when the access it asks for is already active through a time-bound activation that may be
 * another run's (a matrix job, a re-run): PIM and ARM keep one per principal, role and scope. Standing access
 * (permanent, or not from a request) is always used and never revoked. See docs/concurrency.md.
 */
public enum OnConflict {
  /** Wait (within the provisioning timeout) until the other activation ends, then create this run's own. */
  WAIT("wait"),
  /**
   * Use the other activation at once and never revoke it: the access ends when its owner revokes it, perhaps
   * during this run's operation. The record says so.
   */
  SHARE("share"),
  /** Fail before anything is created, naming the conflict. */
  FAIL("fail");

  private final String wireValue;

  OnConflict(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value as the action input and the CLI option spell it. */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Parses {@code wait}, {@code share} or {@code fail}.
   *
   * @throws InvalidElevationRequestException naming the {@code on-conflict} input and the accepted values
   */
  public static OnConflict parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (OnConflict value : values()) {
      if (value.wireValue.equals(t)) {
        return value;
      }
    }
    throw new InvalidElevationRequestException("on-conflict", "'" + Text.printable(String.valueOf(text))
        + "' is not a conflict policy.", "Use wait (the default), share or fail.");
  }
}
