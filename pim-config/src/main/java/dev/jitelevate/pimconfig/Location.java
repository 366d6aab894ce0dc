package dev.jitelevate.pimconfig;

/**
 * Where something was declared: a file and a 1-based line, for findings and errors. Imported values have line 0.
 *
 * @param file the file as the user named it
 * @param line 1-based, or 0 when unknown
 */
public record Location(String file, int line) {
  /** A place with no file (values read from the tenant). */
  public static Location none() {
    return new Location("", 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
