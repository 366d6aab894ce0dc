package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Renders Graph's error envelope {@code {"error":{"code","message","innerError":{…}}}}. */
final class GraphErrors {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private GraphErrors() {}

  static EmulatorResponse render(int status, String code, String message, String requestId,
      String clientRequestId, Instant now) {
    ObjectNode inner = Json.object();
    if (status == 429) {
      inner.put("code", "429");
      inner.put("message", "Please retry after");
      inner.put("status", "429");
    }
    inner.put("date", DATE.format(now.truncatedTo(ChronoUnit.SECONDS)));
    inner.put("request-id", requestId);
    inner.put("client-request-id", clientRequestId == null ? requestId : clientRequestId);
    ObjectNode error = Json.object();
    error.put("code", code);
    error.put("message", message);
    error.set("innerError", inner);
    ObjectNode body = Json.object();
    body.set("error", error);
    EmulatorResponse response = EmulatorResponse.json(status, body).withHeader("request-id", requestId);
    return clientRequestId == null ? response : response.withHeader("client-request-id", clientRequestId);
  }
}
