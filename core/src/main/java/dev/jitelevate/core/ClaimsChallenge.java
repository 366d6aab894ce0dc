package dev.jitelevate.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person must sign in again for: the claims request PIM names when a policy requires a Conditional
 * Access authentication context ({@code AuthenticationContext_EndUser_Assignment}) and the token lacks it, e.g.
 * {@code {"access_token":{"acrs":{"essential":true, "value":"c1"}}}}. Pass {@link #claims()} to the token request
 * (azure-identity {@code TokenRequestContext.setClaims}) of an interactive sign-in.
 *
 * @param claims the claims request (JSON), as the service wrote it
 * @param authenticationContext the {@code acrs} value asked for, e.g. {@code c1}
 */
public record ClaimsChallenge(String claims, String authenticationContext) {
  private static final Pattern IN_MESSAGE = Pattern.compile("claims=([^\\s\"]+)");
  private static final Pattern ACRS_VALUE = Pattern.compile("\"acrs\"\\s*:\\s*\\{[^}]*\"value\"\\s*:\\s*\"([^\"]+)\"");

  public ClaimsChallenge {
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(authenticationContext, "authenticationContext");
  }

  /** The claims request for one authentication context, spelled as PIM spells it. */
  public static ClaimsChallenge forContext(String authenticationContext) {
    return new ClaimsChallenge("{\"access_token\":{\"acrs\":{\"essential\":true, \"value\":\"" + authenticationContext
        + "\"}}}", authenticationContext);
  }

  /**
   * Reads the challenge from a refusal's message ({@code &claims=} and the URL-encoded claims request, as ARM and
   * Graph PIM answer {@code RoleAssignmentRequestAcrsValidationFailed}); empty when it names no context.
   */
  public static Optional<ClaimsChallenge> fromMessage(String message) {
    String text = message == null ? "" : message;
    int at = text.indexOf("claims={");
    String claims;
    if (at >= 0) {
      claims = text.substring(at + "claims=".length(), Math.max(text.lastIndexOf('}') + 1, at + "claims=".length()));
    } else {
      Matcher m = IN_MESSAGE.matcher(text);
      if (!m.find()) {
        return Optional.empty();
      }
      try {
        claims = URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notEncoded) {
        claims = m.group(1);
      }
    }
    Matcher value = ACRS_VALUE.matcher(claims);
    return value.find() ? Optional.of(new ClaimsChallenge(claims, value.group(1))) : Optional.empty();
  }
}
