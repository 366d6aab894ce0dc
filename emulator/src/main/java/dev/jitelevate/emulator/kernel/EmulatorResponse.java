package dev.jitelevate.emulator.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response produced by a surface. Immutable; add headers with {@link #withHeader}.
 *
 * @param status the HTTP status code
 * @param headers response headers (one value each)
 * @param body the body bytes, empty for none
 */
public record EmulatorResponse(int status, Map<String, String> headers, byte[] body) {

  public EmulatorResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** A JSON response; the body is serialised with the emulator's shared mapper. */
  public static EmulatorResponse json(int status, Object body) {
    return new EmulatorResponse(
        status, Map.of("Content-Type", "application/json; charset=utf-8"), Json.bytes(body));
  }

  /** A response with no body. */
  public static EmulatorResponse empty(int status) {
    return new EmulatorResponse(status, Map.of(), new byte[0]);
  }

  /** A plain-text response (used only where the real service answers with text). */
  public static EmulatorResponse text(int status, String body) {
    return new EmulatorResponse(
        status, Map.of("Content-Type", "text/plain; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns a copy with one more header. */
  public EmulatorResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new EmulatorResponse(status, copy, body);
  }

  /** Parses the body as JSON (for tests and the admin API). */
  public JsonNode bodyJson() {
    return Json.parse(body);
  }
}
