package dev.jitelevate.core;

/** Small text helpers for messages: untrusted input is quoted in a form that cannot break a log line. */
final class Text {
  private Text() {}

  /** Returns the text with control characters escaped and cut to 120 characters, for error messages. */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(120).forEach(cp -> {
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return text.codePointCount(0, text.length()) > 120 ? out + "..." : out.toString();
  }
}
