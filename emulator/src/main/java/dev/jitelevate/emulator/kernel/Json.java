package dev.jitelevate.emulator.kernel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The emulator's one shared Jackson mapper and small JSON helpers. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {}

  /** Returns a new empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Returns a new empty JSON array. */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /**
   * Parses JSON bytes.
   *
   * @throws MalformedBodyException when the bytes are empty or not JSON
   */
  public static JsonNode parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new MalformedBodyException("The request body is empty.");
    }
    try {
      return MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new MalformedBodyException("The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedBodyException("The request body cannot be read: " + e.getMessage());
    }
  }

  /** Serialises a value (a JsonNode, record or map) to UTF-8 JSON bytes. */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise emulator response", e);
    }
  }

  /** Returns the text of a field, or null when it is absent or JSON null. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
