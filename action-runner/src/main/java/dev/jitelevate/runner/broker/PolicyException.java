package dev.jitelevate.runner.broker;

/** A broker policy file that cannot be used: the file, the line, what is wrong and how to fix it. */
public final class PolicyException extends RuntimeException {
  private final String file;
  private final int line;

  PolicyException(String file, int line, String problem, String fix) {
    super((line > 0 ? file + ":" + line : file) + ": " + problem + " " + fix);
    this.file = file;
    this.line = line;
  }

  /** The policy file as named. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the file as a whole is at fault. */
  public int line() {
    return line;
  }
}
