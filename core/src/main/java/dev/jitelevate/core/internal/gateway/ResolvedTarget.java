package dev.jitelevate.core.internal.gateway;

import java.util.Optional;

/**
 * A target with every name resolved to an id.
 *
 * @param surface where it lives
 * @param roleDefinitionId ARM: the full id {@code /subscriptions/{s}/providers/Microsoft.Authorization/roleDefinitions/{guid}};
 *     directory: the role definition (template) GUID; groups: empty
 * @param roleName the role's display name, or for groups the group's display name
 * @param scope ARM scope ({@code /subscriptions/...}), directory scope id ({@code /}), or group id
 * @param groupAccess membership or ownership, for groups
 * @param roleActions for ARM roles: the role's actions and data actions (used to check effectiveness)
 */
public record ResolvedTarget(
    SurfaceKind surface,
    Optional<String> roleDefinitionId,
    String roleName,
    String scope,
    Optional<dev.jitelevate.core.GroupAccess> groupAccess,
    RoleActions roleActions) {

  /** An ARM role's permissions (empty lists for directory roles and groups). */
  public record RoleActions(java.util.List<String> actions, java.util.List<String> notActions,
      java.util.List<String> dataActions, java.util.List<String> notDataActions) {
    public static RoleActions none() {
      return new RoleActions(java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());
    }
  }
}
