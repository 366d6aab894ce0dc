package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.TokenClaims;
import dev.jitelevate.emulator.kernel.TokenValidator;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Authenticates ARM callers by their bearer token, answering 401s the way ARM does. */
final class ArmAuth {
  private static final List<String> ARM_AUDIENCES = List.of("https://management.azure.com/", "https://management.azure.com",
      "https://management.core.windows.net/", "https://management.core.windows.net");

  private final EmulatorContext context;

  ArmAuth(EmulatorContext context) {
    this.context = context;
  }

  Set<String> audiences() {
    Set<String> out = new LinkedHashSet<>(ARM_AUDIENCES);
    String base = context.baseUrl();
    out.add(base);
    out.add(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    return out;
  }

  /**
   * Returns the caller of a request.
   *
   * @throws ArmException 401 {@code AuthenticationFailed}, {@code InvalidAuthenticationToken},
   *     {@code ExpiredAuthenticationToken} or {@code InvalidAuthenticationTokenAudience}
   */
  Caller authenticate(EmulatorRequest request) {
    String token = request.bearerToken().filter(t -> !t.isEmpty()).orElseThrow(ArmErrors::missingAuthorization);
    Set<String> audiences = audiences();
    return context.require(TokenValidator.class).validate(token, audiences).orElseThrow(() -> explain(token, audiences));
  }

  /** Says why a token was refused, reading (never trusting) its unverified claims. */
  private ArmException explain(String token, Set<String> audiences) {
    JsonNode claims = TokenClaims.unverified(token).orElse(null);
    if (claims == null) {
      return ArmErrors.invalidToken();
    }
    Instant now = context.clock().now();
    if (claims.hasNonNull("exp") && Instant.ofEpochSecond(claims.get("exp").asLong()).isBefore(now)) {
      return ArmErrors.expiredToken(Instant.ofEpochSecond(claims.get("exp").asLong()).toString(), now.toString());
    }
    String aud = Json.text(claims, "aud");
    if (aud != null && !audiences.contains(aud)) {
      return ArmErrors.wrongAudience(aud, ARM_AUDIENCES);
    }
    return ArmErrors.invalidToken();
  }
}
