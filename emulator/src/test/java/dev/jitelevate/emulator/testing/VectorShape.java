package dev.jitelevate.emulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares an emulator response with a reference vector's response by shape: every key the vector has is
 * present with the same JSON type, ids look like ids, timestamps like timestamps, and discriminators and
 * resource types are spelled the same. Values may differ. Placeholders such as {@code {requestId}} match
 * any string.
 */
public final class VectorShape {
  private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?$");
  private static final Set<String> EXACT = Set.of("ruleType", "@odata.type", "requestType", "type", "principalType",
      "assignmentType", "memberType", "accessId", "token_type", "recoveryLevel");

  private VectorShape() {}

  /** Loads a vector from the test resources ({@code vectors/NAME.json}). */
  public static JsonNode vector(String name) {
    String resource = "/vectors/" + (name.endsWith(".json") ? name : name + ".json");
    try (InputStream in = VectorShape.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("No vector " + resource);
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the differences in shape (empty when the actual body has the expected shape). */
  public static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("$", null, expected, actual, out);
    return out;
  }

  /** Fails with every difference listed. */
  public static void assertSameShape(JsonNode expected, JsonNode actual) {
    List<String> diffs = differences(expected, actual);
    if (!diffs.isEmpty()) {
      throw new AssertionError("Response shape differs from the vector:\n  " + String.join("\n  ", diffs)
          + "\nactual: " + actual);
    }
  }

  private static void compare(String path, String field, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected == null || expected.isNull() || expected.isMissingNode()) {
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      out.add(path + ": missing");
      return;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        out.add(path + ": expected an object, got " + actual.getNodeType());
        return;
      }
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        compare(path + "." + key, key, expected.get(key), actual.get(key), out);
      }
    } else if (expected.isArray()) {
      if (!actual.isArray()) {
        out.add(path + ": expected an array, got " + actual.getNodeType());
      } else if (expected.size() > 0 && actual.size() > 0) {
        compare(path + "[0]", field, expected.get(0), actual.get(0), out);
      }
    } else if (expected.isTextual()) {
      compareText(path, field, expected.asText(), actual, out);
    } else if (expected.isNumber() && !actual.isNumber()) {
      out.add(path + ": expected a number, got " + actual.getNodeType());
    } else if (expected.isBoolean() && !actual.isBoolean()) {
      out.add(path + ": expected a boolean, got " + actual.getNodeType());
    }
  }

  private static void compareText(String path, String field, String expected, JsonNode actual, List<String> out) {
    if (!actual.isTextual()) {
      if (!actual.isNull()) out.add(path + ": expected a string, got " + actual.getNodeType());
      return;
    }
    String value = actual.asText();
    if (expected.startsWith("{") && expected.endsWith("}")) {
      return;
    }
    if (GUID.matcher(expected).matches() && !GUID.matcher(value).matches()) {
      out.add(path + ": expected a GUID, got '" + value + "'");
    } else if (TIMESTAMP.matcher(expected).matches() && !TIMESTAMP.matcher(value).matches()) {
      out.add(path + ": expected an ISO-8601 timestamp, got '" + value + "'");
    } else if (field != null && EXACT.contains(field) && !expected.equals(value)) {
      out.add(path + ": expected '" + expected + "', got '" + value + "'");
    } else if ("status".equals(field) && !sameCasing(expected, value)) {
      out.add(path + ": status casing differs: expected like '" + expected + "', got '" + value + "'");
    }
  }

  private static boolean sameCasing(String expected, String actual) {
    return expected.isEmpty() || actual.isEmpty()
        || Character.isUpperCase(expected.charAt(0)) == Character.isUpperCase(actual.charAt(0));
  }
}
