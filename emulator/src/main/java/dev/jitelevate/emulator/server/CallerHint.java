package dev.jitelevate.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.Json;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the {@code oid} claim of a bearer token WITHOUT validating it: only to key throttling buckets and to
 * journal who called. Authorization is the surfaces' job (through the TokenValidator).
 */
final class CallerHint {
  private CallerHint() {}

  static Optional<String> objectId(EmulatorRequest request) {
    return request.bearerToken().flatMap(CallerHint::oidOf);
  }

  private static Optional<String> oidOf(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      JsonNode payload = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
      return Optional.ofNullable(Json.text(payload, "oid"));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
