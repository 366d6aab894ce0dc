package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrincipalId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Who an ARM access token was issued to: its {@code oid}, whether it is a user or an app ({@code idtyp}, else
 * the presence of {@code scp}), and the name it carries. Only claims are read; the token itself goes nowhere.
 */
record TokenClaims(PrincipalId objectId, String type, Optional<String> name) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Gets an ARM token from the identity's credential (its cache, or a sign-in) and reads the token's claims. */
  static TokenClaims of(TokenCredential identity, String tenantId, String armScope) {
    String token;
    try {
      TokenRequestContext request = new TokenRequestContext().addScopes(armScope);
      if (tenantId != null) {
        request.setTenantId(tenantId);
      }
      token = identity.getTokenSync(request).getToken();
    } catch (RuntimeException e) {
      throw new ElevationException(FailureKind.AUTHENTICATION, "Signing in for ARM failed: " + e.getMessage(),
          null, null, 0, e);
    }
    return parse(token);
  }

  /** Reads the claims of a JWT access token. */
  static TokenClaims parse(String jwt) {
    String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
    if (parts.length < 2) {
      throw unreadable("it is not a JWT");
    }
    JsonNode claims;
    try {
      claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw unreadable("its payload is not base64url JSON");
    }
    String oid = claims.path("oid").asText("");
    if (oid.isBlank()) {
      throw unreadable("it has no oid claim");
    }
    return new TokenClaims(PrincipalId.of(oid), type(claims), name(claims));
  }

  boolean isUser() {
    return "User".equals(type);
  }

  private static String type(JsonNode claims) {
    String idtyp = claims.path("idtyp").asText("");
    if (!idtyp.isEmpty()) {
      return idtyp.equalsIgnoreCase("user") ? "User" : "ServicePrincipal";
    }
    return claims.hasNonNull("scp") ? "User" : "ServicePrincipal";
  }

  private static Optional<String> name(JsonNode claims) {
    for (String claim : new String[] {"name", "upn", "app_displayname", "appid"}) {
      String value = claims.path(claim).asText("");
      if (!value.isBlank()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static ElevationException unreadable(String why) {
    return new ElevationException(FailureKind.AUTHENTICATION,
        "The ARM access token cannot be read (" + why + "), so the signed-in identity is unknown.");
  }
}
