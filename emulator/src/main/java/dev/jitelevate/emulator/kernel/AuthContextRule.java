package dev.jitelevate.emulator.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * PIM's authentication context rule ({@code AuthenticationContext_EndUser_Assignment}): when it is enabled, a
 * self-activation must come with an access token whose {@code acrs} claim holds the rule's {@code claimValue}
 * (a Conditional Access authentication context such as {@code c1}). Without it PIM refuses the request with
 * {@code RoleAssignmentRequestAcrsValidationFailed}, whose message is the claims request to sign in again with,
 * as a URL-encoded {@code &claims=} fragment. Shared by the ARM and Graph surfaces and the token endpoint.
 */
public final class AuthContextRule {
  /** The rule's id on every surface. */
  public static final String RULE_ID = "AuthenticationContext_EndUser_Assignment";
  /** The code PIM answers with when the token lacks the context. */
  public static final String ERROR_CODE = "RoleAssignmentRequestAcrsValidationFailed";

  private AuthContextRule() {}

  /** The context an enabled rule requires, or empty when the rule is missing, disabled or has no value. */
  public static Optional<String> required(JsonNode rule) {
    String value = rule.path("claimValue").asText("");
    return rule.path("isEnabled").asBoolean(false) && !value.isBlank() ? Optional.of(value) : Optional.empty();
  }

  /** The context the caller's token lacks for this rule, or empty when it satisfies it (or nothing is required). */
  public static Optional<String> missing(JsonNode rule, Caller caller) {
    return required(rule).filter(value -> !caller.acrs().contains(value));
  }

  /** The claims request for a context, spelled as PIM spells it (a space after the comma). */
  public static String claimsRequest(String value) {
    return "{\"access_token\":{\"acrs\":{\"essential\":true, \"value\":\"" + value + "\"}}}";
  }

  /** The refusal's message: {@code &claims=} and the URL-encoded claims request (spaces as {@code %20}). */
  public static String refusalMessage(String value) {
    return "&claims=" + URLEncoder.encode(claimsRequest(value), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The authentication context values a token request's {@code claims} parameter asks for in the access token
   * ({@code {"access_token":{"acrs":{"essential":true,"value":"c1"}}}}, or {@code "values":[…]}); empty when it
   * asks for none or is not JSON.
   */
  public static Set<String> requested(String claimsParameter) {
    Set<String> out = new LinkedHashSet<>();
    if (claimsParameter == null || claimsParameter.isBlank()) {
      return out;
    }
    JsonNode acrs;
    try {
      acrs = Json.MAPPER.readTree(claimsParameter).path("access_token").path("acrs");
    } catch (java.io.IOException | RuntimeException notJson) {
      return out;
    }
    if (acrs.hasNonNull("value")) {
      out.add(acrs.get("value").asText());
    }
    acrs.path("values").forEach(v -> out.add(v.asText()));
    return out;
  }
}
