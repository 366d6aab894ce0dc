package dev.jitelevate.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Where the reliability suites (core's and the runner's) write what each scenario observed, one JSON line per
 * scenario, in the module's {@code target/reliability/<suite>.jsonl}; {@code scripts/reliability.sh} turns the
 * lines into RELIABILITY.md.
 * The lines are written from what the test saw, never from what it expected.
 */
public final class Ledger {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  private Ledger(Path file) {
    this.file = file;
  }

  /** Starts the suite's file afresh. */
  public static Ledger open(String suite) {
    Path dir = Path.of(System.getProperty("reliability.dir", "target/reliability"));
    Path file = dir.resolve(suite + ".jsonl");
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Ledger(file);
  }

  /** Appends one scenario's line: the given fields, in their order. */
  public synchronized void write(Map<String, ?> fields) {
    ObjectNode line = JSON.createObjectNode();
    fields.forEach((k, v) -> line.set(k, JSON.valueToTree(v)));
    try {
      Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
