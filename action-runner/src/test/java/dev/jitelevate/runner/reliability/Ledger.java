package dev.jitelevate.runner.reliability;

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
 * Where the runner-level reliability suites write what each case observed, one JSON line per case, in
 * {@code action-runner/target/reliability/<suite>.jsonl} (the core suites' format); scripts/reliability.sh
 * turns them into RELIABILITY.md. Lines record what the test saw, never what it expected.
 */
final class Ledger {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  private Ledger(Path file) {
    this.file = file;
  }

  /** Starts the suite's file afresh. */
  static Ledger open(String suite) {
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

  /** Appends one case's line: the given fields, in their order. */
  synchronized void write(Map<String, ?> fields) {
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
