package dev.jitelevate.core;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and formats the durations people type: {@code 30m}, {@code 1h30m}, {@code 90s}, {@code PT1H}. */
public final class Durations {
  private static final Pattern HUMAN = Pattern.compile("^(?:(\\d{1,4})d)?(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?(?:(\\d{1,7})s)?$");

  private Durations() {}

  /**
   * Parses {@code 30m}, {@code 1h30m}, {@code 2h}, {@code 45s}, {@code 1d} or ISO-8601 ({@code PT30M}).
   *
   * @param input the input's name, for the error message
   * @throws InvalidElevationRequestException naming the input and the accepted forms
   */
  public static Duration parse(String input, String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw invalid(input, text);
      }
    }
    Matcher m = HUMAN.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      throw invalid(input, text);
    }
    Duration d = Duration.ZERO;
    if (m.group(1) != null) d = d.plusDays(Long.parseLong(m.group(1)));
    if (m.group(2) != null) d = d.plusHours(Long.parseLong(m.group(2)));
    if (m.group(3) != null) d = d.plusMinutes(Long.parseLong(m.group(3)));
    if (m.group(4) != null) d = d.plusSeconds(Long.parseLong(m.group(4)));
    return d;
  }

  private static InvalidElevationRequestException invalid(String input, String text) {
    return new InvalidElevationRequestException(input, "'" + Text.printable(text) + "' is not a duration.",
        "Use a form like 30m, 1h, 1h30m, 90s or PT30M.");
  }

  /** Formats as {@code 1h30m}, {@code 45s}, {@code 0s}. */
  public static String format(Duration d) {
    if (d.isNegative()) return "-" + format(d.negated());
    long s = d.getSeconds();
    StringBuilder b = new StringBuilder();
    if (s >= 86400) { b.append(s / 86400).append('d'); s %= 86400; }
    if (s >= 3600) { b.append(s / 3600).append('h'); s %= 3600; }
    if (s >= 60) { b.append(s / 60).append('m'); s %= 60; }
    if (s > 0 || b.length() == 0) b.append(s).append('s');
    return b.toString();
  }
}
