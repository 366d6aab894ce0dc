package dev.jitelevate.emulator.graph;

import java.util.List;
import java.util.Optional;

/** The built-in directory roles with their real template ids; resolves a scenario's role reference (id or name). */
final class DirectoryRoleCatalog {
  private static final List<DirectoryRole> BUILT_IN = List.of(
      role(DirectoryRole.GLOBAL_ADMINISTRATOR, "Global Administrator",
          "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.",
          "microsoft.directory/applications/allProperties/allTasks", "microsoft.directory/users/allProperties/allTasks",
          "microsoft.directory/roleAssignments/allProperties/allTasks"),
      role(DirectoryRole.PRIVILEGED_ROLE_ADMINISTRATOR, "Privileged Role Administrator",
          "Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.",
          "microsoft.directory/roleAssignments/allProperties/allTasks",
          "microsoft.directory/roleDefinitions/allProperties/allTasks",
          "microsoft.directory/privilegedIdentityManagement/allProperties/allTasks"),
      role("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator",
          "Can manage all aspects of users and groups, including resetting passwords for limited admins.",
          "microsoft.directory/users/create", "microsoft.directory/users/delete", "microsoft.directory/groups/create"),
      role("9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator",
          "Can create and manage all aspects of app registrations and enterprise apps.",
          "microsoft.directory/applications/create", "microsoft.directory/servicePrincipals/create"),
      role("158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator",
          "Can create and manage all aspects of app registrations and enterprise apps except App Proxy.",
          "microsoft.directory/applications/create", "microsoft.directory/servicePrincipals/create"),
      role("fdd7a751-b60b-444a-984c-02652fe8fa1c", "Groups Administrator",
          "Members of this role can create/manage groups, create/manage groups settings like naming and expiration"
              + " policies, and view groups activity and audit reports.",
          "microsoft.directory/groups/create", "microsoft.directory/groups/delete"),
      role("5d6b6bb7-de71-4623-b4af-96380a352509", "Security Reader",
          "Can read security information and reports in Microsoft Entra ID and Office 365.",
          "microsoft.directory/auditLogs/allProperties/read"),
      role("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader",
          "Can read everything that a Global Administrator can, but not update anything.",
          "microsoft.directory/users/allProperties/read", "microsoft.directory/applications/allProperties/read"),
      role("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator",
          "Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.",
          "microsoft.directory/policies/create"),
      role("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator",
          "Can reset passwords for non-administrators and Helpdesk Administrators.",
          "microsoft.directory/users/password/update"),
      role("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers",
          "Can read basic directory information. Commonly used to grant directory read access to applications and guests.",
          "microsoft.directory/users/standard/read"),
      role("f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator",
          "Can manage all aspects of the SharePoint service.", "microsoft.office365.sharePoint/allEntities/allTasks"),
      role("29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator",
          "Can manage all aspects of the Exchange product.", "microsoft.office365.exchange/allEntities/basic/allTasks"),
      role("3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator",
          "Can manage all aspects of the Intune product.", "microsoft.intune/allEntities/allTasks"));

  private DirectoryRoleCatalog() {}

  static List<DirectoryRole> all() {
    return BUILT_IN;
  }

  static Optional<DirectoryRole> byId(String id) {
    return BUILT_IN.stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
  }

  /**
   * Resolves a scenario's role reference.
   *
   * @throws IllegalArgumentException naming the unknown role and the known ones
   */
  static DirectoryRole resolve(String idOrName) {
    return BUILT_IN.stream()
        .filter(r -> r.id().equalsIgnoreCase(idOrName) || r.displayName().equalsIgnoreCase(idOrName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown directory role '" + idOrName
            + "' in the scenario; use a built-in role's name or template id, e.g. 'User Administrator'."));
  }

  private static DirectoryRole role(String id, String name, String description, String... actions) {
    return new DirectoryRole(id, name, description, List.of(actions));
  }
}
