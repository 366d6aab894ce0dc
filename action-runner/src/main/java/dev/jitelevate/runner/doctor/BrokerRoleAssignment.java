package dev.jitelevate.runner.doctor;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Azure role assignment of the broker, as ARM lists it.
 *
 * @param id the assignment's resource id
 * @param scope where it applies
 * @param roleDefinitionId the role definition's GUID (lower case)
 * @param roleName the role's name
 * @param condition its ABAC condition, if any
 */
record BrokerRoleAssignment(String id, String scope, String roleDefinitionId, String roleName, Optional<String> condition) {
  static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
  static final String USER_ACCESS_ADMINISTRATOR = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
  static final String RBAC_ADMINISTRATOR = "f58310d9-a9f6-439a-9e8d-f62e7b41a168";
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  BrokerRoleAssignment {
    roleDefinitionId = roleDefinitionId.toLowerCase(Locale.ROOT);
    condition = condition.filter(c -> !c.isBlank());
  }

  /** Owner or User Access Administrator: may assign any role, condition or not. */
  boolean unrestricted() {
    return roleDefinitionId.equals(OWNER) || roleDefinitionId.equals(USER_ACCESS_ADMINISTRATOR);
  }

  boolean rbacAdministrator() {
    return roleDefinitionId.equals(RBAC_ADMINISTRATOR);
  }

  /** Whether the role may write role assignments at all (the ones doctor knows; custom roles are not judged). */
  boolean assignsRoles() {
    return unrestricted() || rbacAdministrator();
  }

  /** The role definition ids the condition names (lower case). */
  Set<String> conditionRoleIds() {
    Set<String> ids = new TreeSet<>();
    condition.ifPresent(c -> {
      Matcher m = GUID.matcher(c);
      while (m.find()) {
        ids.add(m.group().toLowerCase(Locale.ROOT));
      }
    });
    return ids;
  }
}
