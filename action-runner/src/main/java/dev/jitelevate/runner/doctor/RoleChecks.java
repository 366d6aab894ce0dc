package dev.jitelevate.runner.doctor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The broker's Azure role checks against what the policy needs: no Owner or User Access Administrator, an RBAC
 * Administrator whose condition names exactly the policy's roles, no scope above the policy's scope prefixes, and a
 * role that can assign where the policy grants.
 */
final class RoleChecks {
  private RoleChecks() {}

  static List<Finding> run(SetUp setUp, PolicyNeeds needs) {
    List<Finding> out = new ArrayList<>();
    needs.azureRoles().stream().filter(r -> !setUp.policyRoleIds().containsKey(r)).forEach(r -> out.add(new Finding(
        FindingCode.POLICY_ROLE_UNKNOWN, "The policy grants role '" + r + "', which is no role definition of the"
            + " subscriptions read.", "Name the role exactly as Azure does (az role definition list --name \"" + r
            + "\") or by its id.")));
    Set<String> needed = new TreeSet<>(setUp.policyRoleIds().values());
    for (BrokerRoleAssignment a : setUp.brokerAssignments()) {
      if (!a.assignsRoles()) {
        continue;
      }
      if (a.unrestricted() || (a.rbacAdministrator() && a.condition().isEmpty())) {
        out.add(tooBroad(setUp, needs, a, needed));
      } else if (!needed.isEmpty()) {
        condition(a, needed, out);
      }
      if (!needs.anywhere() && !needs.scopePrefixes().isEmpty()
          && needs.scopePrefixes().stream().noneMatch(p -> PolicyNeeds.within(a.scope(), p))) {
        out.add(new Finding(FindingCode.BROKER_SCOPE_TOO_BROAD, "The broker holds " + a.roleName() + " at " + a.scope()
            + ", above or outside every scope prefix of the policy " + needs.scopePrefixes() + ".",
            "Assign it at the policy's scope prefixes instead and remove this one (az role assignment delete --ids "
                + a.id() + ")."));
      }
    }
    for (String prefix : needs.scopePrefixes()) {
      boolean covered = setUp.brokerAssignments().stream()
          .anyMatch(a -> a.assignsRoles() && PolicyNeeds.within(prefix, a.scope()));
      if (!covered && !needed.isEmpty()) {
        out.add(new Finding(FindingCode.BROKER_CANNOT_ASSIGN, "The broker holds no role that may assign roles at "
            + prefix + ", where the policy grants: such grants would fail.",
            AssignableRolesCondition.azCommand(setUp.brokerObjectId(), prefix, needed)));
      }
    }
    return out;
  }

  private static Finding tooBroad(SetUp setUp, PolicyNeeds needs, BrokerRoleAssignment a, Set<String> needed) {
    String why = a.unrestricted() ? " may assign any role, Owner included," : " has no condition, so it may assign any"
        + " role (Owner included)";
    List<String> scopes = needs.anywhere() || needs.scopePrefixes().isEmpty() ? List.of(a.scope())
        : needs.scopePrefixes().stream().filter(p -> PolicyNeeds.within(p, a.scope())).toList();
    StringBuilder fix = new StringBuilder("Give the broker Role Based Access Control Administrator limited to the "
        + "policy's roles instead, with the condition " + AssignableRolesCondition.of(roles(needed)) + ":");
    for (String scope : scopes.isEmpty() ? List.of(a.scope()) : scopes) {
      fix.append(System.lineSeparator()).append("  ")
          .append(AssignableRolesCondition.azCommand(setUp.brokerObjectId(), scope, roles(needed)));
    }
    fix.append(System.lineSeparator()).append("  then remove this one: az role assignment delete --ids ").append(a.id());
    return new Finding(FindingCode.BROKER_ROLE_TOO_BROAD, "The broker holds " + a.roleName() + " at " + a.scope()
        + " and" + why + " where the policy needs only " + (needed.isEmpty() ? "no Azure role" : needed) + ".",
        fix.toString());
  }

  private static void condition(BrokerRoleAssignment a, Set<String> needed, List<Finding> out) {
    Set<String> named = a.conditionRoleIds();
    Set<String> extra = new TreeSet<>(named);
    extra.removeAll(needed);
    Set<String> missing = new TreeSet<>(needed);
    missing.removeAll(named);
    if (!extra.isEmpty()) {
      out.add(new Finding(FindingCode.BROKER_CONDITION_TOO_BROAD, "The broker's condition at " + a.scope()
          + " lets it assign roles the policy never grants: " + extra + ".",
          "Limit it to the policy's roles: az role assignment update with the condition " + AssignableRolesCondition.of(needed)));
    }
    if (!missing.isEmpty()) {
      out.add(new Finding(FindingCode.BROKER_CONDITION_MISSES_ROLE, "The broker's condition at " + a.scope()
          + " does not let it assign " + missing + ", which the policy grants: such grants would fail.",
          "Use the condition " + AssignableRolesCondition.of(needed)));
    }
  }

  /** The roles to put in a condition: the policy's, or a placeholder when it grants no Azure role. */
  private static Collection<String> roles(Set<String> needed) {
    return needed.isEmpty() ? List.of("{role-definition-id}") : needed;
  }
}
