package dev.jitelevate.pimconfig;

import java.util.Map;
import java.util.Objects;

/**
 * The declared role management policy of one Azure role at one scope: only the settings the file names.
 * Values are canonical text (see {@link PolicySetting.Type}); approvers are as the file names them until planned.
 */
public record AzureRolePolicy(String role, String scope, Map<PolicySetting, String> settings, Location location)
    implements PolicyDeclaration {

  public AzureRolePolicy {
    Objects.requireNonNull(role, "role");
    scope = Scopes.normalize(Objects.requireNonNull(scope, "scope"));
    settings = PolicyDeclaration.ordered(settings);
  }

  @Override
  public String describe() {
    return "policy of " + role + " at " + scope;
  }
}
