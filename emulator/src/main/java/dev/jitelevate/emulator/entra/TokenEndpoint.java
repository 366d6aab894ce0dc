package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** {@code /{tenant}/oauth2/v2.0/token} and {@code /{tenant}/oauth2/v2.0/devicecode}. */
final class TokenEndpoint {
  static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
  /** The short form MSAL (and so azure-identity) sends; Entra accepts both. */
  static final String DEVICE_CODE_GRANT_SHORT = "device_code";
  private static final Duration DEVICE_CODE_LIFETIME = Duration.ofMinutes(15);
  private final EmulatorContext context;
  private final ClientCredentialsGrant clientCredentials;
  private final UserTokens users;
  private final DeviceCodes deviceCodes = new DeviceCodes();
  private final SignIns signIns = new SignIns();
  private final SessionRevocations sessions = new SessionRevocations();

  TokenEndpoint(EmulatorContext context, AccessTokens tokens) {
    this.context = context;
    context.register(SignIns.class, signIns);
    context.register(dev.jitelevate.emulator.kernel.SignInSessions.class, sessions);
    this.clientCredentials = new ClientCredentialsGrant(tokens, () -> lookupGitHub(context));
    this.users = new UserTokens(tokens);
  }

  static ObjectNode bearer(String accessToken, long lifetimeSeconds) {
    return Json.object().put("token_type", "Bearer").put("expires_in", lifetimeSeconds)
        .put("ext_expires_in", lifetimeSeconds).put("access_token", accessToken);
  }

  void reset() {
    users.clear();
    sessions.clear();
    deviceCodes.clear();
    signIns.clear();
  }

  EmulatorResponse token(TenantDirectory dir, EmulatorRequest request) {
    FormBody form = new FormBody(request.bodyText());
    Instant now = context.clock().now();
    String grant = form.get("grant_type").orElse("");
    TokenResult result;
    switch (grant) {
      case "":
        result = TokenResult.fail(OAuthError.missingParameter("grant_type"));
        break;
      case "client_credentials":
        result = clientCredentials.grant(dir, form, request.header("Authorization"), now);
        break;
      case "password":
        result = password(dir, form);
        break;
      case DEVICE_CODE_GRANT:
      case DEVICE_CODE_GRANT_SHORT:
        result = deviceCode(dir, form, now);
        break;
      case "refresh_token":
        result = refresh(dir, form);
        break;
      default:
        result = TokenResult.fail(new OAuthError(400, "unsupported_grant_type", 70003,
            "The app requested an unsupported grant type '" + grant + "'."));
    }
    return render(result, request);
  }

  EmulatorResponse deviceCode(TenantDirectory dir, EmulatorRequest request) {
    FormBody form = new FormBody(request.bodyText());
    Optional<String> clientId = form.get("client_id");
    Optional<String> scope = form.get("scope");
    if (clientId.isEmpty() || scope.isEmpty()) {
      return render(TokenResult.fail(OAuthError.missingParameter(clientId.isEmpty() ? "client_id" : "scope")), request);
    }
    if (!UserTokens.knownClient(dir, clientId.get())) {
      return render(TokenResult.fail(TenantErrors.unknownApplication(clientId.get(), dir)), request);
    }
    Optional<String> named = signIns.deviceCodeUser();
    Optional<Principal> user = named.map(name -> byNameOrId(dir, name)).orElseGet(() -> form.get("login_hint")
        .flatMap(dir::userByName).or(() -> dir.principals.values().stream().filter(Principal::isUser).findFirst()));
    if (user.isEmpty() && named.isPresent()) {
      return render(TokenResult.fail(OAuthError.invalidRequest(50034, "The device code user " + named.get()
          + " is not a user of the scenario.")), request);
    }
    if (user.isEmpty()) {
      return render(TokenResult.fail(OAuthError.invalidRequest(50034,
          "The scenario has no user who could complete the device code sign-in.")), request);
    }
    Instant now = context.clock().now();
    String[] codes = deviceCodes.start(clientId.get(), scope.get(), user.get().id(), now.plus(DEVICE_CODE_LIFETIME));
    deviceCodes.poll(codes[0]).ifPresent(p -> p.acrs = StepUpClaims.requested(form));
    String verification = "https://microsoft.com/devicelogin";
    return EmulatorResponse.json(200, Json.object()
        .put("user_code", codes[1]).put("device_code", codes[0]).put("verification_uri", verification)
        .put("expires_in", DEVICE_CODE_LIFETIME.toSeconds()).put("interval", 1)
        .put("message", "To sign in, use a web browser to open the page " + verification + " and enter the code "
            + codes[1] + " to authenticate. (The emulator completes this sign-in by itself.)"));
  }

  private TokenResult password(TenantDirectory dir, FormBody form) {
    Optional<String> clientId = form.get("client_id");
    Optional<String> username = form.get("username");
    Optional<String> password = form.get("password");
    Optional<String> scope = form.get("scope");
    for (String[] field : new String[][] {{"client_id", clientId.orElse(null)}, {"username", username.orElse(null)},
        {"password", password.orElse(null)}, {"scope", scope.orElse(null)}}) {
      if (field[1] == null) {
        return TokenResult.fail(OAuthError.missingParameter(field[0]));
      }
    }
    if (!UserTokens.knownClient(dir, clientId.get())) {
      return TokenResult.fail(TenantErrors.unknownApplication(clientId.get(), dir));
    }
    Optional<Principal> user = dir.userByName(username.get());
    if (user.isEmpty()) {
      return TokenResult.fail(new OAuthError(400, "invalid_grant", 50034, "The user account {EUII Hidden} does not "
          + "exist in the '" + dir.tenantId + "' directory. To sign into this application, the account must be added to the directory."));
    }
    String expected = dir.passwords.get(user.get().id());
    if (expected == null || !java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        password.get().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      return TokenResult.fail(new OAuthError(400, "invalid_grant", 50126,
          "Error validating credentials due to invalid username or password."));
    }
    Optional<OAuthError> stepUp = StepUpClaims.unsatisfied(StepUpClaims.requested(form), Set.of(),
        UserTokens.audience(Scopes.parse(scope.get())));
    if (stepUp.isPresent()) {
      return TokenResult.fail(stepUp.get());
    }
    record(user.get(), clientId.get(), SignIns.Grant.PASSWORD);
    return users.response(dir, user.get(), clientId.get(), Scopes.parse(scope.get()),
        form.get("client_info").isPresent());
  }

  private static Optional<Principal> byNameOrId(TenantDirectory dir, String name) {
    return dir.userByName(name).or(() -> Optional.ofNullable(dir.principals.get(name)).filter(Principal::isUser));
  }

  private void record(Principal user, String clientId, SignIns.Grant grant) {
    signIns.record(new SignIns.Entry(context.clock().now(), user.id(), user.userPrincipalName(), clientId, grant));
  }

  private TokenResult deviceCode(TenantDirectory dir, FormBody form, Instant now) {
    Optional<String> code = form.get("device_code");
    if (code.isEmpty()) {
      return TokenResult.fail(OAuthError.missingParameter("device_code"));
    }
    Optional<DeviceCodes.Pending> pending = deviceCodes.poll(code.get());
    if (pending.isEmpty() || !now.isBefore(pending.get().expiresAt)) {
      deviceCodes.redeemed(code.get());
      return TokenResult.fail(new OAuthError(400, "expired_token", 70020,
          "The provided value for the input parameter 'device_code' is not valid. This device code has expired."));
    }
    DeviceCodes.Pending p = pending.get();
    synchronized (p) {
      if (p.polls++ == 0) {
        return TokenResult.fail(new OAuthError(400, "authorization_pending", 70016,
            "OAuth 2.0 device flow error. Authorization is pending. Continue polling."));
      }
    }
    deviceCodes.redeemed(code.get());
    Principal user = dir.principals.get(p.userId);
    if (user == null) {
      return TokenResult.fail(new OAuthError(400, "invalid_grant", 50034, "The signed-in user no longer exists."));
    }
    record(user, p.clientId, SignIns.Grant.DEVICE_CODE);
    Set<String> acrs = new LinkedHashSet<>(p.acrs);
    acrs.addAll(StepUpClaims.requested(form));
    return users.response(dir, user, p.clientId, Scopes.parse(p.scope), form.get("client_info").isPresent(),
        acrs, acrs);
  }

  private TokenResult refresh(TenantDirectory dir, FormBody form) {
    Optional<UserTokens.RefreshGrant> grant = form.get("refresh_token").flatMap(users::redeem);
    Optional<Principal> user = grant.map(g -> dir.principals.get(g.userId()));
    if (user.isEmpty()) {
      return TokenResult.fail(new OAuthError(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid: the refresh token is unknown."));
    }
    Optional<java.time.Instant> validFrom = sessions.validFrom(user.get().id());
    if (validFrom.isPresent() && grant.get().issuedAt().isBefore(validFrom.get())) {
      return TokenResult.fail(new OAuthError(400, "invalid_grant", 50173, "The provided grant has expired due to it"
          + " being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant"
          + " was issued on '" + grant.get().issuedAt() + "' and the TokensValidFrom date (before which tokens are not"
          + " valid) for this user is '" + validFrom.get() + "'."));
    }
    Scopes scopes = Scopes.parse(form.get("scope").orElse("https://graph.microsoft.com/.default offline_access"));
    Set<String> acrs = StepUpClaims.requested(form);
    Optional<OAuthError> stepUp = StepUpClaims.unsatisfied(acrs, grant.get().acrs(), UserTokens.audience(scopes));
    if (stepUp.isPresent()) {
      return TokenResult.fail(stepUp.get());
    }
    record(user.get(), grant.get().clientId(), SignIns.Grant.REFRESH_TOKEN);
    Set<String> opportunistic = new LinkedHashSet<>(acrs);
    opportunistic.addAll(grant.get().acrs());
    return users.response(dir, user.get(), grant.get().clientId(), scopes, form.get("client_info").isPresent(),
        opportunistic, grant.get().acrs());
  }

  private EmulatorResponse render(TokenResult result, EmulatorRequest request) {
    if (result.error() != null) {
      return result.error().render(context.clock().now(), request.header("client-request-id").orElse(null), context.baseUrl());
    }
    return EmulatorResponse.json(200, result.body()).withHeader("Cache-Control", "no-store, no-cache");
  }

  private static Optional<GitHubActions> lookupGitHub(EmulatorContext context) {
    try {
      return Optional.of(context.require(GitHubActions.class));
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }
}
