package dev.jitelevate.runner;

import java.util.regex.Pattern;

/** What a printed line may not carry, in a terminal or in a CI log that parses workflow commands. */
public final class LogLines {
  /** ANSI CSI/OSC sequences and any other escape. */
  private static final Pattern ANSI = Pattern.compile("\u001B(\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|.)?");

  private LogLines() {}

  /**
   * Makes one line safe, whatever values it echoes (option values, names from the service, text from a PR):
   * escapes and control characters dropped (tabs kept), line breaks turned into spaces, the legacy marker
   * {@code ##[} (which the Actions runner reads anywhere in a line) broken, and a leading {@code ::} broken even
   * after white space (the runner trims it before it looks for a command).
   */
  public static String defuse(String line) {
    String s = ANSI.matcher(line == null ? "" : line).replaceAll("");
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (cp == '\r' || cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
        b.append(' ');
      } else if (cp == '\t' || !Character.isISOControl(cp)) {
        b.appendCodePoint(cp);
      }
    });
    String out = b.toString().replace("##[", "# #[");
    int start = 0;
    while (start < out.length() && trimmedByTheRunner(out.charAt(start))) {
      start++;
    }
    return out.startsWith("::", start) ? out.substring(0, start) + ": :" + out.substring(start + 2) : out;
  }

  /**
   * What .NET's {@code String.TrimStart()} (the runner's, before it looks for {@code ::}) trims: Unicode
   * white space ({@code Char.IsWhiteSpace}), which unlike {@link Character#isWhitespace} includes the
   * no-break spaces U+00A0, U+2007 and U+202F and the next-line U+0085.
   */
  static boolean trimmedByTheRunner(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
