package dev.jitelevate.runner.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;

/**
 * Where the CLI writes: progress and errors to stderr, results to stdout, everything through the
 * {@link Redactor} so no registered secret is ever printed.
 */
public final class Console {
  private static final Pattern ANSI = Pattern.compile("\u001B(\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|.)?");
  private final PrintStream out;
  private final PrintStream err;
  private final Redactor redactor;

  public Console(PrintStream out, PrintStream err, Redactor redactor) {
    this.out = out;
    this.err = err;
    this.redactor = redactor;
  }

  /** The console of the process. */
  public static Console system(Redactor redactor) {
    return new Console(System.out, System.err, redactor);
  }

  public Redactor redactor() {
    return redactor;
  }

  /** A line of progress (stderr). */
  public void progress(String line) {
    err.println(safe(redactor.redact(line)));
    err.flush();
  }

  /**
   * A result (stdout), one or more lines. Each line is made safe like stderr's: results echo names and texts
   * (justifications, role and group names) that may come from a PR, and a CI log parses stdout too.
   */
  public void result(String text) {
    for (String line : redactor.redact(text).split("\\R", -1)) {
      out.println(safe(line));
    }
    out.flush();
  }

  /** An error line (stderr). */
  public void error(String line) {
    err.println(safe(redactor.redact(line)));
    err.flush();
  }

  /**
   * Makes a line safe for a terminal and for a CI log that parses workflow commands, whatever values it
   * echoes (option values, names from the service): escapes and control characters dropped, line breaks turned
   * into spaces, the legacy marker {@code ##[} (which the Actions runner reads anywhere in a line) and a leading
   * {@code ::} broken.
   */
  static String safe(String line) {
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
    while (start < out.length() && Character.isWhitespace(out.charAt(start))) {
      start++;
    }
    return out.startsWith("::", start) ? out.substring(0, start) + ": :" + out.substring(start + 2) : out;
  }

  /** A stack trace, redacted like everything else (only with --stacktrace). */
  public void stackTrace(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    err.print(redactor.redact(text.toString()));
    err.flush();
  }
}
