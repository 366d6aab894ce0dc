package dev.jitelevate.emulator.graph;

import java.util.List;

/**
 * A built-in Entra directory role (unifiedRoleDefinition); for built-in roles the definition id is the template id.
 *
 * @param id role template id
 * @param displayName name shown in the portal
 * @param description one-line description
 * @param allowedResourceActions a representative subset of the role's resource actions
 */
record DirectoryRole(String id, String displayName, String description, List<String> allowedResourceActions) {

  static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
  static final String PRIVILEGED_ROLE_ADMINISTRATOR = "e8611ab8-c189-46e8-94e1-60213ab1f814";

  DirectoryRole {
    allowedResourceActions = List.copyOf(allowedResourceActions);
  }
}
