package dev.jitelevate.emulator.arm;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** ISO-8601 durations as ARM accepts them ({@code PT8H}, {@code P90D}, {@code P1Y}). */
final class IsoDurations {
  private IsoDurations() {}

  /**
   * Parses a duration; years and months count as 365 and 30 days.
   *
   * @throws IllegalArgumentException naming the field when the text is not an ISO-8601 duration
   */
  static Duration parse(String text, String field) {
    String upper = text.trim().toUpperCase(Locale.ROOT);
    try {
      return Duration.parse(upper);
    } catch (DateTimeParseException notATimeDuration) {
      try {
        int t = upper.indexOf('T');
        Period period = Period.parse(t < 0 ? upper : upper.substring(0, t));
        Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + upper.substring(t));
        return Duration.ofDays(period.getYears() * 365L + period.getMonths() * 30L + period.getDays()).plus(time);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' in '" + field + "' is not an ISO-8601 duration such as PT8H");
      }
    }
  }

  /** Formats a duration the way PIM shows it ({@code PT8H}, {@code P365D}). */
  static String format(Duration d) {
    if (d.toHours() % 24 == 0 && d.toHours() >= 24 && d.toSecondsPart() == 0 && d.toMinutesPart() == 0) {
      return "P" + d.toDays() + "D";
    }
    return d.toString();
  }
}
