package dev.jitelevate.core.internal.gateway.graph;

import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.internal.gateway.sdk.AccessTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an access token says about its subject: object id, whether it is an application, name and the directory roles ({@code wids})
 * and groups ({@code groups}) it was issued with. These are a snapshot taken at issue time, so checking an
 * activation needs a token acquired after it: {@link #issuedNow} makes a new credential for every read. The
 * token itself is never kept, logged or put in a message.
 */
record TokenClaims(String objectId, boolean isApp, Optional<String> name, Optional<String> appId,
    List<String> wids, Optional<List<String>> groups, boolean groupsOverage) {
  /** The claims of a Graph token issued now to a new credential of the identity. */
  static TokenClaims issuedNow(CredentialSource identity, CloudProfile cloud) {
    String scope = GraphClients.audienceScope(cloud.graphAudience());
    String token;
    try {
      token = identity.newCredential().getTokenSync(new TokenRequestContext().addScopes(scope)).getToken();
    } catch (RuntimeException e) {
      throw new ElevationException(FailureKind.AUTHENTICATION, "Signing in for a Graph token failed: "
          + e.getClass().getSimpleName() + firstLine(e.getMessage()), null, null, 0, e);
    }
    return parse(token);
  }

  /** Reads the payload of a JWT (no signature check: the token came from the token endpoint just now). */
  static TokenClaims parse(String jwt) {
    JsonNode claims;
    try {
      claims = AccessTokens.claims(jwt);
    } catch (IllegalArgumentException e) {
      throw new ElevationException(FailureKind.AUTHENTICATION, "The Graph access token cannot be read ("
          + e.getMessage() + ").");
    }
    JsonNode groups = claims.get("groups");
    boolean overage = claims.path("_claim_names").has("groups") || claims.path("hasgroups").asBoolean(false);
    return new TokenClaims(claims.path("oid").asText(""), AccessTokens.isApp(claims),
        text(claims, "name"), text(claims, "appid").or(() -> text(claims, "azp")), strings(claims.get("wids")),
        groups == null ? Optional.empty() : Optional.of(strings(groups)), overage);
  }

  private static Optional<String> text(JsonNode claims, String name) {
    JsonNode node = claims.get(name);
    return node == null || node.asText().isBlank() ? Optional.empty() : Optional.of(node.asText());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> out.add(n.asText()));
    }
    return List.copyOf(out);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return ": " + (end < 0 ? message : message.substring(0, end));
  }
}
