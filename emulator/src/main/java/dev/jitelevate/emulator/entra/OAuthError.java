package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * An OAuth 2.0 error as Entra's token endpoint renders it: {@code error}, an {@code AADSTS…} description
 * with trace and correlation ids, {@code error_codes}, {@code timestamp}, {@code trace_id},
 * {@code correlation_id} and {@code error_uri}, plus {@code suberror} where Entra sends one ({@code consent_required}).
 */
record OAuthError(int status, String error, int code, String description, String suberror) {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  OAuthError(int status, String error, int code, String description) {
    this(status, error, code, description, null);
  }

  EmulatorResponse render(Instant now, String correlationId, String baseUrl) {
    String traceId = UUID.randomUUID().toString();
    String correlation = correlationId == null ? UUID.randomUUID().toString() : correlationId;
    String timestamp = STAMP.format(now);
    ObjectNode body = Json.object()
        .put("error", error)
        .put("error_description", "AADSTS" + code + ": " + description + " Trace ID: " + traceId
            + " Correlation ID: " + correlation + " Timestamp: " + timestamp);
    body.putArray("error_codes").add(code);
    body.put("timestamp", timestamp).put("trace_id", traceId).put("correlation_id", correlation)
        .put("error_uri", baseUrl + "error?code=" + code);
    if (suberror != null) {
      body.put("suberror", suberror);
    }
    return EmulatorResponse.json(status, body);
  }

  static OAuthError invalidRequest(int code, String description) {
    return new OAuthError(400, "invalid_request", code, description);
  }

  static OAuthError invalidClient(int status, int code, String description) {
    return new OAuthError(status, "invalid_client", code, description);
  }

  static OAuthError missingParameter(String name) {
    return invalidRequest(900144, "The request body must contain the following parameter: '" + name + "'.");
  }
}
