package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.ClaimsSource;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Principal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Mints the v1.0 access tokens (RS256, with kid) and v2.0 ID tokens Entra issues. */
final class AccessTokens {
  private final EmulatorContext context;
  private final SigningKey key;

  AccessTokens(EmulatorContext context, SigningKey key) {
    this.context = context;
    this.key = key;
  }

  SigningKey key() {
    return key;
  }

  /** The emulator's clock, as tokens see it. */
  java.time.Instant now() {
    return context.clock().now();
  }

  long lifetimeSeconds() {
    return Math.max(60, context.hazards().tokenLifetime().toSeconds());
  }

  static String issuer(String tenantId) {
    return "https://sts.windows.net/" + tenantId + "/";
  }

  /** An app-only token for a service principal; {@code appidacr} 1 for a secret, 2 for an assertion. */
  String forApp(String tenantId, Principal app, String audience, String appidacr) {
    ObjectNode claims = common(tenantId, app, audience, app.appId());
    claims.put("appidacr", appidacr).put("azpacr", appidacr).put("idtyp", "app")
        .put("idp", issuer(tenantId));
    if (!app.appRoles().isEmpty()) {
      array(claims, "roles", app.appRoles());
    }
    return key.sign(snapshotDirectoryClaims(claims, app.id()));
  }

  /**
   * A delegated token for a user signed in through the given client, carrying the delegated permissions
   * ({@code scp}) the client was consented for and asked for, and the authentication contexts ({@code acrs}) the
   * request asked for and got.
   */
  String forUser(String tenantId, Principal user, String audience, String clientId, Collection<String> scp,
      Set<String> acrs) {
    ObjectNode claims = common(tenantId, user, audience, clientId);
    claims.put("appidacr", "0").put("azpacr", "0").put("idtyp", "user")
        .put("scp", String.join(" ", scp.stream().sorted().toList()))
        .put("upn", user.userPrincipalName()).put("unique_name", user.userPrincipalName())
        .put("name", user.displayName());
    array(claims, "amr", user.mfa() || !acrs.isEmpty() ? List.of("pwd", "mfa") : List.of("pwd"));
    if (!acrs.isEmpty()) {
      array(claims, "acrs", acrs);
    }
    return key.sign(snapshotDirectoryClaims(claims, user.id()));
  }

  /** A v2.0 ID token for a user (MSAL builds its account from it). */
  String idToken(String tenantId, Principal user, String clientId) {
    long now = context.clock().now().getEpochSecond();
    ObjectNode claims = Json.object()
        .put("aud", clientId).put("iss", context.baseUrl() + tenantId + "/v2.0")
        .put("iat", now).put("nbf", now).put("exp", now + lifetimeSeconds())
        .put("name", user.displayName()).put("oid", user.id()).put("preferred_username", user.userPrincipalName())
        .put("sub", user.id()).put("tid", tenantId).put("ver", "2.0");
    return key.sign(claims);
  }

  private ObjectNode common(String tenantId, Principal principal, String audience, String clientId) {
    Instant now = context.clock().now();
    long iat = now.getEpochSecond();
    return Json.object()
        .put("aud", audience).put("iss", issuer(tenantId))
        .put("iat", iat).put("nbf", iat).put("exp", iat + lifetimeSeconds())
        .put("appid", clientId).put("azp", clientId)
        .put("oid", principal.id()).put("sub", principal.id()).put("tid", tenantId)
        .put("uti", UUID.randomUUID().toString().replace("-", "").substring(0, 22))
        .put("rh", "0.emulator").put("ver", "1.0");
  }

  /** Snapshots the principal's directory roles and groups as they are NOW: later changes need a new token. */
  private ObjectNode snapshotDirectoryClaims(ObjectNode claims, String principalId) {
    ClaimsSource source;
    try {
      source = context.require(ClaimsSource.class);
    } catch (IllegalStateException noGraphSurface) {
      return claims;
    }
    Set<String> wids = source.directoryRoleTemplateIds(principalId);
    Set<String> groups = source.groupIds(principalId);
    if (!wids.isEmpty()) {
      array(claims, "wids", wids);
    }
    if (!groups.isEmpty()) {
      array(claims, "groups", groups);
    }
    return claims;
  }

  private static void array(ObjectNode claims, String name, Collection<String> values) {
    ArrayNode array = claims.putArray(name);
    values.stream().sorted().forEach(array::add);
  }
}
