package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Principal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token responses for signed-in users (password, device code and refresh token grants), including the
 * refresh tokens the emulator hands out and the public clients it knows.
 */
final class UserTokens {
  /** First-party public clients (Azure CLI, Azure PowerShell) that any tenant accepts. */
  private static final Set<String> PUBLIC_CLIENTS = Set.of(
      "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "1950a258-227b-4e31-a9cf-717495945fc2");
  private static final Map<String, String> FIRST_PARTY_NAMES = Map.of(
      "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "Microsoft Azure CLI",
      "1950a258-227b-4e31-a9cf-717495945fc2", "Microsoft Azure PowerShell");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccessTokens tokens;
  private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();

  /**
   * What a refresh token stands for.
   *
   * @param issuedAt when it was issued (revokeSignInSessions refuses earlier ones)
   * @param acrs the authentication contexts its sign-in satisfied (a refresh gives no more than these)
   */
  record RefreshGrant(String userId, String clientId, java.time.Instant issuedAt, Set<String> acrs) {
    RefreshGrant {
      acrs = Set.copyOf(acrs);
    }
  }

  UserTokens(AccessTokens tokens) {
    this.tokens = tokens;
  }

  /** Whether the client id may sign users in: an app of the tenant or a first-party public client. */
  static boolean knownClient(TenantDirectory dir, String clientId) {
    return PUBLIC_CLIENTS.contains(clientId) || dir.byAppId(clientId).isPresent();
  }

  /** The token response for the user, with refresh/ID token and client_info as MSAL asks for them. */
  TokenResult response(TenantDirectory dir, Principal user, String clientId, Scopes scopes, boolean clientInfo) {
    return response(dir, user, clientId, scopes, clientInfo, Set.of(), Set.of());
  }

  /**
   * The token response, the access token carrying {@code acrs} (the contexts asked for), the refresh token
   * remembering {@code satisfied} (every context the sign-in has satisfied); refused with {@code AADSTS65001} when
   * the client was never consented for a scope asked for (or, for {@code .default}, for any scope of the resource).
   */
  TokenResult response(TenantDirectory dir, Principal user, String clientId, Scopes scopes, boolean clientInfo,
      Set<String> acrs, Set<String> satisfied) {
    String audience = audience(scopes);
    Consents.Decision consent = dir.consents().decide(clientId, user.id(), audience, scopes);
    if (consent.refused()) {
      return TokenResult.fail(TenantErrors.consentRequired(clientId, appName(dir, clientId)));
    }
    ObjectNode body = TokenEndpoint.bearer(tokens.forUser(dir.tenantId, user, audience, clientId, consent.scp(), acrs),
        tokens.lifetimeSeconds());
    body.put("scope", scopes.resourceScope().orElse(audience + "/.default"));
    if (scopes.has("offline_access")) {
      String refresh = newOpaqueToken();
      refreshTokens.put(refresh, new RefreshGrant(user.id(), clientId, tokens.now(), satisfied));
      body.put("refresh_token", refresh);
    }
    if (scopes.has("openid")) {
      body.put("id_token", tokens.idToken(dir.tenantId, user, clientId));
    }
    if (clientInfo) {
      String info = Json.object().put("uid", user.id()).put("utid", dir.tenantId).toString();
      body.put("client_info", Base64.getUrlEncoder().withoutPadding().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
    }
    return TokenResult.ok(body);
  }

  private static String appName(TenantDirectory dir, String clientId) {
    return FIRST_PARTY_NAMES.getOrDefault(clientId,
        dir.byAppId(clientId).map(Principal::displayName).orElse(clientId));
  }

  static String audience(Scopes scopes) {
    return scopes.audience().orElse("https://graph.microsoft.com");
  }

  Optional<RefreshGrant> redeem(String refreshToken) {
    return Optional.ofNullable(refreshTokens.get(refreshToken));
  }

  void clear() {
    refreshTokens.clear();
  }

  private static String newOpaqueToken() {
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    return "0.emu." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
