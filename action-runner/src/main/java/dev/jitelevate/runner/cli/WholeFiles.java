package dev.jitelevate.runner.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Files that readers see whole or not at all: written beside their place and renamed over it. A plain
 * {@code Files.move(..., REPLACE_EXISTING)} deletes the old file and then renames, so a reader can find no file in
 * between, and of two writers of one path (twenty CLI runs given the same --record-out) the second to delete fails
 * with {@link java.nio.file.NoSuchFileException}; {@code rename(2)} replaces atomically, the last writer wins.
 */
public final class WholeFiles {
  /** Who may read a file written here. */
  public enum Readers {
    /** Its owner only (mode 600 where the file system has POSIX modes): handles, which revoke an elevation. */
    OWNER,
    /** Whoever the process's umask lets read it: records, which other steps of the job read and upload. */
    AS_UMASK_ALLOWS
  }

  private WholeFiles() {}

  /**
   * Writes {@code text} (UTF-8) to {@code file}, making its folder when missing, and replacing what is there in
   * one step where the file system can (else as {@code REPLACE_EXISTING} does). When writing fails, nothing is
   * left beside the file.
   *
   * @return {@code file}
   */
  public static Path write(Path file, String text, Readers readers) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path written = folder.resolve("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      create(written, readers);
      Files.writeString(written, text, StandardCharsets.UTF_8);
      return replace(written, file);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(written);
      } catch (IOException ignored) {
        // the write's own failure is the one to report
      }
      throw e;
    }
  }

  private static void create(Path file, Readers readers) throws IOException {
    if (readers == Readers.OWNER) {
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return;
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the file gets the user's default ACL.
      }
    }
    Files.createFile(file);
  }

  private static Path replace(Path written, Path file) throws IOException {
    try {
      return Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      return Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
