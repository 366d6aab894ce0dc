package dev.jitelevate.emulator.kernel;

import java.time.Instant;
import java.util.Set;

/**
 * The authenticated caller of a request, read from a validated access token.
 *
 * @param objectId the {@code oid} claim
 * @param appId the {@code appid}/{@code azp} claim (the client application)
 * @param isApp true for app-only tokens ({@code idtyp=app}), false for delegated (user) tokens
 * @param roles the {@code roles} claim (application permissions)
 * @param scopes the {@code scp} claim split on spaces (delegated permissions)
 * @param wids the {@code wids} claim: directory role template ids active when the token was issued
 * @param groups the {@code groups} claim: group ids the principal belonged to when the token was issued
 * @param amr authentication methods ({@code pwd}, {@code mfa}); empty for apps
 * @param issuedAt the {@code iat} claim
 * @param acrs the {@code acrs} claim: Conditional Access authentication contexts the sign-in satisfied, present
 *     only when the token request asked for them
 */
public record Caller(
    String objectId,
    String appId,
    boolean isApp,
    Set<String> roles,
    Set<String> scopes,
    Set<String> wids,
    Set<String> groups,
    Set<String> amr,
    Instant issuedAt,
    Set<String> acrs) {

  /** A caller whose token carries no {@code acrs} claim. */
  public Caller(String objectId, String appId, boolean isApp, Set<String> roles, Set<String> scopes, Set<String> wids,
      Set<String> groups, Set<String> amr, Instant issuedAt) {
    this(objectId, appId, isApp, roles, scopes, wids, groups, amr, issuedAt, Set.of());
  }

  public Caller {
    acrs = Set.copyOf(acrs);
    roles = Set.copyOf(roles);
    scopes = Set.copyOf(scopes);
    wids = Set.copyOf(wids);
    groups = Set.copyOf(groups);
    amr = Set.copyOf(amr);
  }

  public boolean hasMfa() {
    return amr.contains("mfa");
  }
}
