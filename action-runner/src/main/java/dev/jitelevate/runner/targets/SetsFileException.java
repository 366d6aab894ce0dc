package dev.jitelevate.runner.targets;

import java.nio.file.Path;

/** A sets file that cannot be used: the file, the line, what is wrong and the fix, on one line. */
public final class SetsFileException extends RuntimeException {
  private final int line;

  SetsFileException(Path file, int line, String problem, String fix) {
    super((line > 0 ? file + ":" + line : file.toString()) + ": " + problem + (fix.isEmpty() ? "" : " " + fix));
    this.line = line;
  }

  /** The 1-based line, or 0 when the file as a whole is at fault. */
  public int line() {
    return line;
  }
}
