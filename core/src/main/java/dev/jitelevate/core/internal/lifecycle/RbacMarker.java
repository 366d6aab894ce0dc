package dev.jitelevate.core.internal.lifecycle;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marker an rbac-strategy role assignment carries in its description, so that a sweep can find and
 * remove it after its intended expiry: {@code jit-elevate:expires=2026-11-25T10:00:00Z;run=<request id>}.
 */
final class RbacMarker {
  static final String PREFIX = "jit-elevate:";
  private static final Pattern PATTERN = Pattern.compile("jit-elevate:expires=([^;\\s]+);run=([^;\\s]+)");

  private RbacMarker() {}

  static String format(Instant expires, String run) {
    return PREFIX + "expires=" + expires.truncatedTo(ChronoUnit.SECONDS) + ";run=" + run;
  }

  /** The intended expiry in a description, when it carries a well-formed marker. */
  static Optional<Instant> expiry(String description) {
    if (description == null) {
      return Optional.empty();
    }
    Matcher m = PATTERN.matcher(description);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(m.group(1)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
