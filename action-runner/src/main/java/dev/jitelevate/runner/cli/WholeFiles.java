package dev.jitelevate.runner.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files that readers see whole or not at all: written beside their place and renamed over it. A plain
 * {@code Files.move(..., REPLACE_EXISTING)} deletes the old file and then renames, so a reader can find no file in
 * between, and of two writers of one path (twenty CLI runs given the same --record-out) the second to delete fails
 * with {@link java.nio.file.NoSuchFileException}; {@code rename(2)} replaces atomically, the last writer wins.
 */
public final class WholeFiles {
  private WholeFiles() {}

  /**
   * Puts {@code written} (a finished file in the same folder) in the place of {@code file}, replacing what is
   * there in one step where the file system can (else as {@code REPLACE_EXISTING} does).
   *
   * @return {@code file}
   */
  public static Path replace(Path written, Path file) throws IOException {
    try {
      return Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      return Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
