package dev.jitelevate.emulator.server;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as people write them on a command line ({@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}) or as ISO-8601 ({@code PT5S}). */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("^(\\d+)(ms|s|m|h|d)?$");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException naming the accepted forms when the text is none of them or negative
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      switch (unit) {
        case "ms": return Duration.ofMillis(n);
        case "m": return Duration.ofMinutes(n);
        case "h": return Duration.ofHours(n);
        case "d": return Duration.ofDays(n);
        default: return Duration.ofSeconds(n);
      }
    }
    try {
      Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
      if (d.isNegative()) {
        throw new IllegalArgumentException("The duration '" + text + "' is negative; durations must be >= 0.");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration. Use e.g. 500ms, 5s, 2m, 1h or ISO-8601 like PT5S.");
    }
  }
}
