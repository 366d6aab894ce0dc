package dev.jitelevate.core.internal.gateway.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.internal.json.CoreJson;
import java.io.IOException;
import java.util.Base64;

/**
 * Reads the claims of an access token this process has just received from the token endpoint (no signature
 * check: the claims only say who signed in and what the token carries). The token itself goes nowhere.
 */
public final class AccessTokens {
  private static final ObjectMapper JSON = CoreJson.MAPPER;

  private AccessTokens() {}

  /**
   * The token's payload claims.
   *
   * @throws IllegalArgumentException saying why ("it is not a JWT", "its payload is not base64url JSON"),
   *     never quoting the token
   */
  public static JsonNode claims(String jwt) {
    String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
    if (parts.length < 2) {
      throw new IllegalArgumentException("it is not a JWT");
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (claims == null || !claims.isObject()) {
        throw new IllegalArgumentException("its payload is not base64url JSON");
      }
      return claims;
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("its payload is not base64url JSON");
    }
  }

  /** Whether the token was issued to an application: {@code idtyp} says so, or, without it, there is no {@code scp}. */
  public static boolean isApp(JsonNode claims) {
    String idtyp = claims.path("idtyp").asText("");
    return idtyp.isEmpty() ? !claims.hasNonNull("scp") : !idtyp.equalsIgnoreCase("user");
  }
}
