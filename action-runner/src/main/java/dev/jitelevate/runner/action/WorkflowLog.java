package dev.jitelevate.runner.action;

import dev.jitelevate.runner.LogLines;
import dev.jitelevate.runner.Redactor;
import java.io.PrintStream;

/**
 * The step's log as the runner reads it: plain lines plus workflow commands ({@code ::add-mask::},
 * {@code ::group::}, {@code ::error title=...::}). Every value registered with {@link #mask} is announced to the
 * runner before anything else is printed and is also replaced by {@code ***} in every later line, so a
 * secret never reaches the log even where the runner would not mask it. Thread-safe.
 */
final class WorkflowLog {
  private final PrintStream out;
  private final Redactor masked = new Redactor();

  WorkflowLog(PrintStream out) {
    this.out = out;
  }

  java.io.PrintStream out() {
    return out;
  }

  /** Tells the runner to mask the value (and each of its lines) from now on. */
  synchronized void mask(String value) {
    if (!masked.register(value)) {
      return;
    }
    for (String line : value.split("\r?\n")) {
      if (!line.isBlank()) {
        out.println("::add-mask::" + escapeData(line));
      }
    }
    out.flush();
  }

  /** Prints one line of our own text (untrusted parts must already be neutralized). */
  synchronized void info(String line) {
    out.println(safeLine(line));
    out.flush();
  }

  synchronized void group(String title) {
    out.println("::group::" + escapeData(redact(UntrustedText.neutralize(title, 200))));
  }

  synchronized void endGroup() {
    out.println("::endgroup::");
    out.flush();
  }

  /** An error annotation: the title says what failed, the message what to fix. */
  synchronized void error(String title, String message) {
    annotation("error", title, message);
  }

  synchronized void warning(String title, String message) {
    annotation("warning", title, message);
  }

  synchronized void notice(String title, String message) {
    annotation("notice", title, message);
  }

  private void annotation(String kind, String title, String message) {
    out.println("::" + kind + " title=" + escapeProperty(redact(UntrustedText.neutralize(title, 200))) + "::"
        + escapeData(redact(message == null ? "" : message)));
    out.flush();
  }

  /** Replaces every masked value by {@code ***}. */
  synchronized String redact(String text) {
    return masked.redact(text);
  }

  private String safeLine(String line) {
    return LogLines.defuse(redact(line));
  }

  /** The runner's escaping of command data: {@code %}, CR and LF. */
  static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** The runner's escaping of command properties: as data, plus {@code :} and {@code ,}. */
  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
