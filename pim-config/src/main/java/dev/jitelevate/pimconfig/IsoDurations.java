package dev.jitelevate.pimconfig;

import java.time.Duration;

/** ISO-8601 durations in the one spelling plans compare: whole days as {@code P365D}, else {@code PT8H30M}. */
final class IsoDurations {
  private IsoDurations() {}

  static Duration parse(String text) {
    String t = text.trim();
    int days = 0;
    int tIndex = t.indexOf('T');
    if (t.startsWith("P") && t.contains("D")) {
      days = Integer.parseInt(t.substring(1, t.indexOf('D')));
      t = tIndex < 0 ? "PT0S" : "P" + t.substring(tIndex);
    }
    return Duration.parse(t).plusDays(days);
  }

  static String canonical(String text) {
    return format(parse(text));
  }

  static String format(Duration d) {
    if (d.isZero()) {
      return "PT0S";
    }
    if (d.toSeconds() % 86_400 == 0) {
      return "P" + d.toDays() + "D";
    }
    return d.toString();
  }
}
