package dev.jitelevate.runner.action;

import java.util.regex.Pattern;

/**
 * Makes text from outside (PR titles, branch names, commit messages, actor names, service messages) safe to
 * print in a workflow log, a file command or a summary: it can never start a workflow command of its own.
 */
final class UntrustedText {
  /** ANSI CSI/OSC sequences and any other escape. */
  private static final Pattern ANSI = Pattern.compile("\u001B(\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|.)?");
  /** Percent-encodings the runner decodes in command data and properties. */
  private static final Pattern RUNNER_ESCAPES = Pattern.compile("(?i)%(0a|0d|25|3a|2c)");

  private UntrustedText() {}

  /**
   * Returns the text on one line: escapes and control characters removed or replaced by spaces, invisible
   * format characters (zero-width spaces, bidi overrides) shown as {@code <U+200B>}, workflow
   * command markers ({@code ::}, {@code ##[}) broken, the runner's percent-escapes defused, and cut to
   * {@code max} characters with an ellipsis.
   */
  static String neutralize(String text, int max) {
    if (text == null) {
      return "";
    }
    String s = oneLine(visible(text)).replace("::", ": :").replace("##[", "# #[");
    s = RUNNER_ESCAPES.matcher(s).replaceAll("\uFF05$1");
    return cut(s, max);
  }

  /** Invisible format characters (Unicode category Cf) as {@code <U+XXXX>}, so a reader sees they are there. */
  static String visible(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (Character.getType(cp) == Character.FORMAT) {
        b.append(String.format(java.util.Locale.ROOT, "<U+%04X>", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }

  /**
   * Returns the text exactly, on one line, for channels that do not interpret it (the justification sent to
   * PIM, the JSON record): escapes and control characters removed or replaced by spaces, cut to {@code max},
   * and nothing else changed ({@code ::} and {@code %0A} stay as written; the log and the summary defuse them).
   */
  static String exact(String text, int max) {
    return cut(oneLine(text), max);
  }

  /** Like {@link #exact} but keeps line breaks (for multi-line justifications). */
  static String exactLines(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\r\n|\r|\n|\u2028|\u2029|\u0085", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(oneLine(line));
    }
    return cut(out.toString().strip(), max);
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String s = ANSI.matcher(text).replaceAll("");
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (cp == '\r' || cp == '\n' || cp == '\t' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        b.append(' ');
      } else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT) {
        b.appendCodePoint(cp);
      }
    });
    return b.toString().replaceAll(" {2,}", " ").strip();
  }

  /** Like {@link #neutralize} but keeps line breaks (for multi-line justifications). */
  static String neutralizeLines(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\r\n|\r|\n|\u2028|\u2029|\u0085", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(neutralize(line, Integer.MAX_VALUE));
    }
    return cut(out.toString().strip(), max);
  }

  static String cut(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    int end = s.offsetByCodePoints(0, Math.max(0, max - 1));
    return s.substring(0, end) + "\u2026";
  }

  /** Escapes text for a Markdown table cell (no HTML, no pipes, no line breaks, no Mermaid/HTML injection). */
  static String markdownCell(String text) {
    String s = neutralize(text, 500);
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '|' -> b.append("\\|");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '`' -> b.append("\\`");
        case '*', '_', '[', ']', '\\' -> b.append('\\').append(c);
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
