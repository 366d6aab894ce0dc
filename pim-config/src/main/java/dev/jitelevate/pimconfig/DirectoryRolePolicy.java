package dev.jitelevate.pimconfig;

import java.util.Map;
import java.util.Objects;

/**
 * The declared role management policy of one directory role. Entra keeps one policy per role for the whole tenant
 * (administrative-unit assignments follow it too), so a policy names only the role.
 */
public record DirectoryRolePolicy(String role, Map<PolicySetting, String> settings, Location location)
    implements PolicyDeclaration {

  public DirectoryRolePolicy {
    Objects.requireNonNull(role, "role");
    settings = PolicyDeclaration.ordered(settings);
  }

  @Override
  public String describe() {
    return "policy of " + role + " in the tenant";
  }
}
