package dev.jitelevate.emulator.entra;

import dev.jitelevate.emulator.kernel.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** {@code grant_type=client_credentials} with a client secret (form or HTTP Basic) or a federated client assertion. */
final class ClientCredentialsGrant {
  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private final AccessTokens tokens;
  private final GitHubActionsLookup github;

  /** Finds the GitHub issuer lazily (it is another surface). */
  interface GitHubActionsLookup {
    Optional<GitHubActions> get();
  }

  ClientCredentialsGrant(AccessTokens tokens, GitHubActionsLookup github) {
    this.tokens = tokens;
    this.github = github;
  }

  TokenResult grant(TenantDirectory dir, FormBody form, Optional<String> authorization, Instant now) {
    Optional<String[]> basic = authorization.flatMap(ClientCredentialsGrant::basic);
    Optional<String> clientId = form.get("client_id").or(() -> basic.map(b -> b[0]));
    if (clientId.isEmpty()) {
      return TokenResult.fail(OAuthError.missingParameter("client_id"));
    }
    Optional<String> scope = form.get("scope");
    if (scope.isEmpty()) {
      return TokenResult.fail(OAuthError.missingParameter("scope"));
    }
    Scopes scopes = Scopes.parse(scope.get());
    if (!scopes.isDefault()) {
      return TokenResult.fail(OAuthError.invalidRequest(1002012, "The provided value for scope " + scope.get()
          + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."));
    }
    Optional<Principal> app = dir.byAppId(clientId.get()).filter(p -> !p.isUser());
    if (app.isEmpty()) {
      return TokenResult.fail(TenantErrors.unknownApplication(clientId.get(), dir));
    }
    Optional<String> assertion = form.get("client_assertion");
    OAuthError failure;
    String acr;
    if (assertion.isPresent()) {
      failure = checkAssertion(dir, app.get(), form, assertion.get(), now);
      acr = "2";
    } else {
      Optional<String> secret = form.get("client_secret").or(() -> basic.map(b -> b[1]));
      failure = checkSecret(dir, app.get(), secret);
      acr = "1";
    }
    if (failure != null) {
      return TokenResult.fail(failure);
    }
    String accessToken = tokens.forApp(dir.tenantId, app.get(), scopes.audience().orElseThrow(), acr);
    return TokenResult.ok(TokenEndpoint.bearer(accessToken, tokens.lifetimeSeconds()));
  }

  private static OAuthError checkSecret(TenantDirectory dir, Principal app, Optional<String> secret) {
    if (secret.isEmpty()) {
      return OAuthError.invalidClient(401, 7000218,
          "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    byte[] given = secret.get().getBytes(StandardCharsets.UTF_8);
    boolean known = dir.secrets.getOrDefault(app.appId(), java.util.Set.of()).stream()
        .anyMatch(s -> MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), given));
    return known ? null : OAuthError.invalidClient(401, 7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, "
            + "not the client secret ID, for a secret added to app '" + app.appId() + "'.");
  }

  private OAuthError checkAssertion(TenantDirectory dir, Principal app, FormBody form, String assertion, Instant now) {
    if (!JWT_BEARER.equals(form.get("client_assertion_type").orElse(""))) {
      return OAuthError.invalidRequest(50027, "JWT token is invalid or malformed: client_assertion_type must be '"
          + JWT_BEARER + "'.");
    }
    Optional<Jwt> parsed = Jwt.parse(assertion);
    if (parsed.isEmpty()) {
      return OAuthError.invalidRequest(50027, "JWT token is invalid or malformed.");
    }
    Jwt jwt = parsed.get();
    String issuer = String.valueOf(jwt.claim("iss"));
    String subject = String.valueOf(jwt.claim("sub"));
    List<String> audiences = jwt.audiences();
    boolean matched = dir.federated.getOrDefault(app.appId(), List.of()).stream()
        .anyMatch(fc -> fc.matches(issuer, subject, audiences));
    if (!matched) {
      return OAuthError.invalidClient(400, 70021, "No matching federated identity record found for presented assertion. "
          + "Assertion Issuer: '" + issuer + "'. Assertion Subject: '" + subject + "'. Assertion Audience: '"
          + String.join(",", audiences) + "'. https://learn.microsoft.com/entra/workload-id/workload-identity-federation");
    }
    boolean signed = github.get().map(g -> GitHubActions.ISSUER.equals(issuer) && g.signedHere(jwt)).orElse(false);
    if (!signed) {
      return OAuthError.invalidClient(400, 700027, "Client assertion failed signature validation. Trace the "
          + "assertion back to its issuer '" + issuer + "': its signature does not verify with the issuer's published keys.");
    }
    Instant exp = jwt.time("exp").orElse(Instant.EPOCH);
    Instant nbf = jwt.time("nbf").orElse(Instant.EPOCH);
    if (!now.isBefore(exp) || now.plusSeconds(300).isBefore(nbf)) {
      return OAuthError.invalidClient(400, 700024, "Client assertion is not within its valid time range. Current time: "
          + now + ", assertion valid from " + nbf + ", expiry time of assertion " + exp + ".");
    }
    return null;
  }

  private static Optional<String[]> basic(String header) {
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      return Optional.of(new String[] {
          java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
