package dev.jitelevate.emulator.kernel;

import java.util.Optional;
import java.util.Set;

/**
 * A directory principal.
 *
 * @param id object id (GUID)
 * @param type {@code User}, {@code ServicePrincipal} (an application) or {@code ManagedIdentity}
 * @param displayName display name
 * @param appId application (client) id for service principals and managed identities, else null
 * @param userPrincipalName UPN for users, else null
 * @param appRoles application permissions granted to a service principal (the token's {@code roles} claim),
 *     e.g. {@code RoleManagement.ReadWrite.Directory}
 * @param mfa for users: whether their sign-ins satisfy MFA ({@code amr} contains {@code mfa})
 */
public record Principal(
    String id,
    String type,
    String displayName,
    String appId,
    String userPrincipalName,
    Set<String> appRoles,
    boolean mfa) {

  public Principal {
    appRoles = Set.copyOf(appRoles);
  }

  public boolean isUser() {
    return "User".equals(type);
  }

  /** ARM's principalType: {@code User} or {@code ServicePrincipal} (managed identities are service principals). */
  public String armPrincipalType() {
    return isUser() ? "User" : "ServicePrincipal";
  }

  public Optional<String> optionalAppId() {
    return Optional.ofNullable(appId);
  }
}
