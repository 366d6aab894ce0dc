package dev.jitelevate.emulator.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Optional;

/**
 * Reads the claims of a compact JWT WITHOUT validating it, through the JOSE library (Nimbus), for the places
 * that only need a hint: throttling buckets, the request journal, and the reason a refused token is refused.
 * Whether a token is trusted is decided by the {@link TokenValidator} alone.
 */
public final class TokenClaims {
  private TokenClaims() {}

  /** Returns the token's claims as JSON, or empty when it is not a readable signed or unsecured JWT. */
  public static Optional<JsonNode> unverified(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    try {
      JWT jwt = JWTParser.parse(token.trim());
      if (!(jwt instanceof JOSEObject jose) || jose.getPayload() == null) {
        return Optional.empty();
      }
      JsonNode claims = Json.parse(jose.getPayload().toBytes());
      return claims.isObject() ? Optional.of(claims) : Optional.empty();
    } catch (ParseException | RuntimeException notAJwt) {
      return Optional.empty();
    }
  }
}
