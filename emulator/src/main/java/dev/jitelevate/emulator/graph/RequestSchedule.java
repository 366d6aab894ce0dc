package dev.jitelevate.emulator.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A request's {@code scheduleInfo}: when it starts and how it expires.
 *
 * @param start requested start, or null for "now"
 * @param expirationType {@code notSpecified}, {@code noExpiration}, {@code afterDateTime} or {@code afterDuration}
 * @param duration ISO-8601 duration text as sent, for {@code afterDuration}
 * @param endDateTime end for {@code afterDateTime}
 */
record RequestSchedule(Instant start, String expirationType, String duration, Instant endDateTime) {

  static final String NOT_SPECIFIED = "notSpecified";
  static final String NO_EXPIRATION = "noExpiration";
  static final String AFTER_DATE_TIME = "afterDateTime";
  static final String AFTER_DURATION = "afterDuration";

  /** Normalises an expiration type sent in any casing ({@code AfterDuration}) to Graph's camelCase. */
  static String normaliseType(String type) {
    if (type == null || type.isBlank()) {
      return NOT_SPECIFIED;
    }
    for (String known : new String[] {NOT_SPECIFIED, NO_EXPIRATION, AFTER_DATE_TIME, AFTER_DURATION}) {
      if (known.equalsIgnoreCase(type)) {
        return known;
      }
    }
    throw GraphException.invalidRequest("Invalid value '" + type + "' for scheduleInfo.expiration.type; expected"
        + " one of notSpecified, noExpiration, afterDateTime, afterDuration.");
  }

  boolean neverExpires() {
    return NO_EXPIRATION.equals(expirationType);
  }

  /** Returns the requested length, when the request states one. */
  Optional<Duration> requestedLength(Instant effectiveStart) {
    if (AFTER_DURATION.equals(expirationType) && duration != null) {
      return Optional.of(parseDuration(duration));
    }
    if (AFTER_DATE_TIME.equals(expirationType) && endDateTime != null) {
      return Optional.of(Duration.between(effectiveStart, endDateTime));
    }
    return Optional.empty();
  }

  /** Parses an ISO-8601 duration such as {@code PT8H}, {@code P365D} or {@code P1Y} (years/months approximated). */
  static Duration parseDuration(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      try {
        String upper = text.toUpperCase(Locale.ROOT);
        int t = upper.indexOf('T');
        Period period = Period.parse(t < 0 ? upper : upper.substring(0, t));
        Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + upper.substring(t));
        return Duration.ofDays(period.getYears() * 365L + period.getMonths() * 30L + period.getDays()).plus(time);
      } catch (DateTimeParseException e2) {
        throw GraphException.invalidRequest("Invalid ISO-8601 duration '" + text + "'; use e.g. PT1H or P90D.");
      }
    }
  }
}
