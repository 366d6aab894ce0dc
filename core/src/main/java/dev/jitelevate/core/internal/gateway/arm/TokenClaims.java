package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.PrincipalType;
import dev.jitelevate.core.internal.gateway.sdk.AccessTokens;
import dev.jitelevate.core.internal.gateway.sdk.SignInFailures;
import java.util.Optional;

/**
 * Who an ARM access token was issued to: its {@code oid}, whether it is a user or an app ({@code idtyp}, else
 * the presence of {@code scp}), and the name it carries. Only claims are read; the token itself goes nowhere.
 */
record TokenClaims(PrincipalId objectId, PrincipalType type, Optional<String> name) {
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
      throw new ElevationException(FailureKind.AUTHENTICATION, "Signing in for ARM failed: "
          + SignInFailures.find(e).map(SignInFailures::describe).orElse(e.getMessage()),
          null, null, 0, e);
    }
    return parse(token);
  }

  /** Reads the claims of a JWT access token. */
  static TokenClaims parse(String jwt) {
    JsonNode claims;
    try {
      claims = AccessTokens.claims(jwt);
    } catch (IllegalArgumentException e) {
      throw unreadable(e.getMessage());
    }
    String oid = claims.path("oid").asText("");
    if (oid.isBlank()) {
      throw unreadable("it has no oid claim");
    }
    return new TokenClaims(PrincipalId.of(oid), AccessTokens.isApp(claims) ? PrincipalType.SERVICE_PRINCIPAL : PrincipalType.USER, name(claims));
  }

  boolean isUser() {
    return type.kind() == PrincipalType.Kind.USER;
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
