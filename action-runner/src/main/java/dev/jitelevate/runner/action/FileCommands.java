package dev.jitelevate.runner.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Appends {@code name<<DELIMITER ... DELIMITER} entries to a runner file-command file ({@code GITHUB_OUTPUT},
 * {@code GITHUB_STATE}). The delimiter is random and checked against the value, so no value, whatever it
 * holds, can end its entry early and set another one.
 */
final class FileCommands {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Optional<Path> file;
  private final String variable;

  FileCommands(Optional<Path> file, String variable) {
    this.file = file;
    this.variable = variable;
  }

  /** Whether the runner gave a file (a step outside Actions has none). */
  boolean available() {
    return file.isPresent();
  }

  /**
   * Appends one entry.
   *
   * @throws ActionFailure when the file cannot be written
   */
  void set(String name, String value) {
    if (file.isEmpty()) {
      return;
    }
    String v = value == null ? "" : value;
    String delimiter;
    do {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      delimiter = "ghadelimiter_" + HexFormat.of().formatHex(bytes);
    } while (v.contains(delimiter) || name.contains(delimiter));
    String entry = name + "<<" + delimiter + "\n" + v + "\n" + delimiter + "\n";
    try {
      Files.writeString(file.get(), entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw ActionFailure.internal("Cannot write " + variable, "Cannot append to the file " + variable
          + " names (" + e.getClass().getSimpleName() + "). Check the runner's file_commands directory.");
    }
  }
}
