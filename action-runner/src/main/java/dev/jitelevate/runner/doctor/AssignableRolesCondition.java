package dev.jitelevate.runner.doctor;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The ABAC condition that limits Role Based Access Control Administrator to the roles the policy grants, to
 * service principals, as Microsoft's "Delegate Azure role assignment management using conditions" writes it
 * ("Constrain roles and principal types"; condition version 2.0): role assignments may be written only for these
 * roles and service principals, and deleted only for these roles.
 */
final class AssignableRolesCondition {
  private AssignableRolesCondition() {}

  /** The condition for these role definition ids. */
  static String of(Collection<String> roleDefinitionIds) {
    String roles = String.join(", ", sorted(roleDefinitionIds));
    return "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'}))"
        + " OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {"
        + roles + "} AND @Request[Microsoft.Authorization/roleAssignments:PrincipalType]"
        + " ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'})) AND"
        + " ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR"
        + " (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {"
        + roles + "}))";
  }

  /** The Azure CLI command that gives the broker that role at a scope. */
  static String azCommand(String brokerObjectId, String scope, Collection<String> roleDefinitionIds) {
    return "az role assignment create --assignee-object-id " + brokerObjectId
        + " --assignee-principal-type ServicePrincipal --role \"Role Based Access Control Administrator\" --scope "
        + scope + " --condition-version 2.0 --condition \"" + of(roleDefinitionIds) + "\"";
  }

  private static List<String> sorted(Collection<String> ids) {
    TreeSet<String> set = new TreeSet<>();
    ids.forEach(id -> set.add(id.toLowerCase(Locale.ROOT)));
    return List.copyOf(set);
  }
}
