package dev.jitelevate.emulator.server;

import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.TokenClaims;
import java.util.Optional;

/**
 * Reads the {@code oid} claim of a bearer token WITHOUT validating it: only to key throttling buckets and to
 * journal who called. Authorization is the surfaces' job (through the TokenValidator).
 */
final class CallerHint {
  private CallerHint() {}

  static Optional<String> objectId(EmulatorRequest request) {
    return request.bearerToken().flatMap(TokenClaims::unverified).map(claims -> Json.text(claims, "oid"));
  }
}
