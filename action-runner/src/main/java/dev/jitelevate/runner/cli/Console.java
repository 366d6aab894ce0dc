package dev.jitelevate.runner.cli;

import dev.jitelevate.runner.LogLines;
import dev.jitelevate.runner.Redactor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Where the CLI writes: progress and errors to stderr, results to stdout, everything through the
 * {@link Redactor} so no registered secret is ever printed.
 */
public final class Console {
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
    err.println(LogLines.defuse(redactor.redact(line)));
    err.flush();
  }

  /**
   * A result (stdout), one or more lines. Each line is made safe like stderr's: results echo names and texts
   * (justifications, role and group names) that may come from a PR, and a CI log parses stdout too.
   */
  public void result(String text) {
    for (String line : redactor.redact(text).split("\\R", -1)) {
      out.println(LogLines.defuse(line));
    }
    out.flush();
  }

  /** An error line (stderr). */
  public void error(String line) {
    err.println(LogLines.defuse(redactor.redact(line)));
    err.flush();
  }

  /** A stack trace, redacted like everything else (only with --stacktrace). */
  public void stackTrace(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    err.print(redactor.redact(text.toString()));
    err.flush();
  }
}
