package dev.jitelevate.core.internal.gateway.arm;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the intended expiry from an rbac assignment's marker ({@code jit-elevate:expires=<instant>;run=<id>}). */
final class RbacExpiry {
  private static final Pattern EXPIRES = Pattern.compile("jit-elevate:expires=([^;\\s]+)");

  private RbacExpiry() {}

  static Optional<Instant> of(String description) {
    Matcher m = description == null ? null : EXPIRES.matcher(description);
    if (m == null || !m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(m.group(1)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
