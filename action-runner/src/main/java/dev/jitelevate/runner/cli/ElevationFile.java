package dev.jitelevate.runner.cli;

import dev.jitelevate.runner.RunnerJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.RevocationHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file {@code elevate} writes and {@code revoke} reads: the revocation handle and the record so far, as
 * {@code {"handle": {...}, "record": {...}}}. Ids and timestamps only, never a secret; readable by the owner only.
 * Records are written the same way, alone, by {@link #writeRecord}.
 */
public final class ElevationFile {
  /** Built on first use: checking a path before the elevation must not pay for Jackson's start-up. */
  private static final class Mapper {
    static final ObjectMapper MAPPER = RunnerJson.MAPPER;
  }

  private ElevationFile() {}

  /** A handle and the record that goes with it. */
  public record Contents(RevocationHandle handle, ActivationRecord record) {}

  /** The default directory for handles and records: {@code $TMPDIR/jit-elevate}. */
  public static Path defaultDirectory() {
    return Path.of(System.getProperty("java.io.tmpdir"), "jit-elevate");
  }

  /** Writes a handle with its record. */
  public static Path write(Path file, RevocationHandle handle, ActivationRecord record) {
    try {
      ObjectNode root = Mapper.MAPPER.createObjectNode();
      root.set("handle", Mapper.MAPPER.readTree(ActivationRecords.handleToJson(handle)));
      root.set("record", Mapper.MAPPER.readTree(ActivationRecords.toJson(record)));
      return writePrivate(file, RunnerJson.PRETTY.writeValueAsString(root));
    } catch (IOException e) {
      throw new CliInputException("--handle-out", "Cannot write " + file + ": " + e.getMessage() + ".",
          "Choose a writable path.");
    }
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws CliInputException naming --handle when the file is missing or not a handle file
   */
  public static Contents read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new CliInputException("--handle", "Cannot read " + file + " (" + e.getClass().getSimpleName() + ").",
          "Pass the file 'jit-elevate elevate' wrote (it printed its path).");
    }
    JsonNode root;
    try {
      root = Mapper.MAPPER.readTree(text);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.path("handle").isObject() || !root.path("record").isObject()) {
      throw new CliInputException("--handle", file + " is not a jit-elevate handle file.",
          "Pass the file 'jit-elevate elevate' wrote (it printed its path).");
    }
    return new Contents(ActivationRecords.handleFromJson(root.get("handle").toString()),
        ActivationRecords.fromJson(root.get("record").toString()));
  }

  /** Writes a record (schema activation-record-v1) and returns its path. */
  public static Path writeRecord(Path file, ActivationRecord record) {
    try {
      return writePrivate(file, ActivationRecords.toJson(record));
    } catch (IOException e) {
      throw new CliInputException("--record-out", "Cannot write " + file + ": " + e.getMessage() + ".",
          "Choose a writable path.");
    }
  }

  /**
   * Checks, before anything is elevated, that {@code file} can be written: its folder exists or can be made, and
   * a file can be created in it; {@code file} itself is not a folder.
   *
   * @throws CliInputException naming {@code option} and the fix
   */
  public static void requireWritable(Path file, String option) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (Files.isDirectory(file)) {
        throw new IOException("it is a folder");
      }
      if (Files.exists(file) && !Files.isWritable(file)) {
        throw new IOException("it is not writable");
      }
      for (Path up = parent; up != null; up = up.getParent()) {
        if (Files.exists(up) && !Files.isDirectory(up)) {
          throw new IOException(up + " is a file, not a folder");
        }
      }
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.delete(Files.createTempFile(parent, ".jit-elevate", ".tmp"));
    } catch (IOException | SecurityException e) {
      throw new CliInputException(option, "Cannot write " + file + " (" + reason(e) + "), so nothing was elevated.",
          "Pass " + option + " a file in a folder you can write to.");
    }
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  private static Path writePrivate(Path file, String json) throws IOException {
    return WholeFiles.write(file, json + System.lineSeparator(), WholeFiles.Readers.OWNER);
  }
}
