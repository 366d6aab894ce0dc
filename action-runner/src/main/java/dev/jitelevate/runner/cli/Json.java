package dev.jitelevate.runner.cli;

import dev.jitelevate.runner.RunnerJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.SweepReport;
import java.nio.file.Path;
import java.util.Locale;

/** The JSON documents of {@code --json}: one per command, on stdout. */
final class Json {
  private static final ObjectMapper MAPPER = RunnerJson.MAPPER;

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(JsonNode node) {
    try {
      return RunnerJson.PRETTY.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }

  static JsonNode record(ActivationRecord record) {
    return parse(ActivationRecords.toJson(record));
  }

  static JsonNode handle(RevocationHandle handle) {
    return parse(ActivationRecords.handleToJson(handle));
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read JSON the core wrote", e);
    }
  }

  /** The result of a run: exit code, record path and the record itself. */
  static String outcome(int exitCode, ActivationRecord record, Path recordFile, Integer commandExitCode) {
    ObjectNode o = object();
    o.put("exitCode", exitCode);
    if (commandExitCode != null) {
      o.put("commandExitCode", commandExitCode);
    }
    o.put("recordFile", recordFile.toString());
    record.exposure().ifPresent(e -> o.put("accessMayPersistUntil", e.accessMayPersistUntil().toString()));
    o.set("record", record(record));
    return write(o);
  }

  static String error(Throwable ex, String line, int exitCode) {
    ObjectNode e = object().putObject("error");
    e.put("exitCode", exitCode);
    e.put("message", line);
    if (ex instanceof ElevationException ee) {
      e.put("kind", ee.kind().name());
      ee.azureErrorCode().ifPresent(c -> e.put("azureErrorCode", c));
      ee.azureRequestId().ifPresent(c -> e.put("azureRequestId", c));
    } else {
      e.put("kind", ex instanceof CliInputException ? "INVALID_REQUEST" : "INTERNAL_ERROR");
    }
    ObjectNode root = object();
    root.set("error", e);
    return write(root);
  }

  static String sweep(SweepReport report) {
    ObjectNode o = object();
    o.put("scope", report.scope().value());
    report.removedAssignmentIds().forEach(o.putArray("removed")::add);
    report.keptAssignmentIds().forEach(o.putArray("kept")::add);
    return write(o);
  }

  static String lowerName(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
