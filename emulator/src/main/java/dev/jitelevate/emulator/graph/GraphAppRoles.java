package dev.jitelevate.emulator.graph;

import java.util.Map;
import java.util.Optional;

/**
 * The ids of Microsoft Graph's application permissions (its service principal's {@code appRoles}), as an
 * {@code appRoleAssignment} names them by {@code appRoleId}. The well-known ones are Graph's own ids; a name the
 * table does not know gets a stable id derived from the name.
 */
final class GraphAppRoles {
  /** Microsoft Graph's application id, the same in every tenant. */
  static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

  private static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry("Application.Read.All", "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30"),
      Map.entry("Application.ReadWrite.All", "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9"),
      Map.entry("Directory.Read.All", "7ab1d382-f21e-4acd-a863-ba3e13f7da61"),
      Map.entry("Directory.ReadWrite.All", "19dbc75e-c2e2-444c-a770-ec69d8559fc7"),
      Map.entry("Group.Read.All", "5b567255-7703-4780-807c-7be8301ae99b"),
      Map.entry("User.Read.All", "df021288-bdef-4463-88db-98f22de89214"),
      Map.entry("RoleManagement.Read.Directory", "483bed4a-2ad3-4361-a73b-c83ccdbdc53c"),
      Map.entry("RoleManagement.ReadWrite.Directory", "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8"),
      Map.entry("RoleAssignmentSchedule.ReadWrite.Directory", "dd199f4a-f148-40a4-a2ec-f0069cc799ec"),
      Map.entry("PrivilegedAccess.ReadWrite.AzureADGroup", "2f6817f8-7b12-4f0f-bc18-eeaf60705a9e"),
      Map.entry("PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "41202f2c-f7ab-45be-b001-85c9728b9d69"));

  private GraphAppRoles() {}

  /** The {@code appRoleId} of a permission name. */
  static String idOf(String permission) {
    return Optional.ofNullable(KNOWN.get(permission))
        .orElseGet(() -> AppRegistration.derived("graph-app-role:" + permission));
  }

  /** The object id of Graph's service principal in a tenant (the {@code resourceId} of its app role assignments). */
  static String graphServicePrincipalId(String tenantId) {
    return AppRegistration.derived("graph-service-principal:" + tenantId);
  }
}
