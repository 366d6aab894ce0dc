package dev.jitelevate.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.internal.json.CoreJson;

/**
 * Writes and reads {@link ActivationRecord}s and {@link RevocationHandle}s as JSON: instants and durations in
 * ISO-8601, absent values omitted. Records validate against {@code schema/activation-record-v1.schema.json}.
 */
public final class ActivationRecords {
  /** The class-path location of the record's JSON Schema. */
  public static final String SCHEMA_RESOURCE = "/schema/activation-record-v1.schema.json";

  private static final ObjectMapper MAPPER = CoreJson.MAPPER;

  private ActivationRecords() {}

  /** Returns the record as pretty-printed JSON. */
  public static String toJson(ActivationRecord record) {
    return write(RecordJson.write(MAPPER, record));
  }

  /**
   * Reads a record.
   *
   * @throws InvalidElevationRequestException when the text is not a record this version can read
   */
  public static ActivationRecord fromJson(String json) {
    return RecordJson.read(MAPPER, parse(json, "record"));
  }

  /** Returns the handle as JSON (ids only, never a secret). */
  public static String handleToJson(RevocationHandle handle) {
    return write(RecordJson.writeHandle(MAPPER, handle));
  }

  /**
   * Reads a handle.
   *
   * @throws InvalidElevationRequestException when the text is not a revocation handle
   */
  public static RevocationHandle handleFromJson(String json) {
    return RecordJson.readHandle(parse(json, "handle"));
  }

  private static String write(JsonNode node) {
    try {
      return CoreJson.pretty().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }

  private static JsonNode parse(String json, String what) {
    try {
      JsonNode node = MAPPER.readTree(json == null ? "" : json);
      if (node == null || !node.isObject()) {
        throw RecordJson.invalid(what, "it is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw RecordJson.invalid(what, "it is not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
  }
}
