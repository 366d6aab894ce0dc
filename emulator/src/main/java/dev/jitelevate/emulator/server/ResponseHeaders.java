package dev.jitelevate.emulator.server;

import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The headers ARM, Graph, Entra and Key Vault put on every response. */
final class ResponseHeaders {
  private ResponseHeaders() {}

  static EmulatorResponse decorate(EmulatorResponse response, EmulatorRequest request, Instant now) {
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    headers.putIfAbsent("x-ms-request-id", request.requestId());
    headers.putIfAbsent("request-id", request.requestId());
    request.header("x-ms-client-request-id").ifPresent(v -> headers.putIfAbsent("x-ms-client-request-id", v));
    request.header("client-request-id").ifPresent(v -> headers.putIfAbsent("client-request-id", v));
    headers.putIfAbsent("x-ms-correlation-request-id",
        request.header("x-ms-correlation-request-id").orElseGet(() -> UUID.randomUUID().toString()));
    headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
    return new EmulatorResponse(response.status(), headers, response.body());
  }
}
