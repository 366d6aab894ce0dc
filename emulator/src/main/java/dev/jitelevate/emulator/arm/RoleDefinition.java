package dev.jitelevate.emulator.arm;

import java.util.List;

/**
 * An Azure role definition.
 *
 * @param guid the role definition name (GUID)
 * @param roleName display name, e.g. {@code Owner}
 * @param type {@code BuiltInRole} or {@code CustomRole}
 * @param description what the role is for
 * @param actions control-plane actions granted (wildcards allowed)
 * @param notActions control-plane actions subtracted
 * @param dataActions data-plane actions granted
 * @param notDataActions data-plane actions subtracted
 * @param assignableScopes where the role may be assigned
 */
record RoleDefinition(
    String guid,
    String roleName,
    String type,
    String description,
    List<String> actions,
    List<String> notActions,
    List<String> dataActions,
    List<String> notDataActions,
    List<String> assignableScopes) {

  RoleDefinition {
    actions = List.copyOf(actions);
    notActions = List.copyOf(notActions);
    dataActions = List.copyOf(dataActions);
    notDataActions = List.copyOf(notDataActions);
    assignableScopes = List.copyOf(assignableScopes);
  }

  /** Whether this role grants the control-plane action. */
  boolean grantsAction(String action) {
    return ActionPattern.anyMatches(actions, action) && !ActionPattern.anyMatches(notActions, action);
  }

  /** Whether this role grants the data action. */
  boolean grantsDataAction(String dataAction) {
    return ActionPattern.anyMatches(dataActions, dataAction) && !ActionPattern.anyMatches(notDataActions, dataAction);
  }

  /** The full id as shown relative to a scope: under its subscription, or tenant-level above subscriptions. */
  String idFor(ArmScope scope) {
    String prefix = scope.subscriptionId() == null ? "" : "/subscriptions/" + scope.subscriptionId();
    return prefix + "/providers/Microsoft.Authorization/roleDefinitions/" + guid;
  }
}
