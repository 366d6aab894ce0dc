package dev.jitelevate.emulator.graph;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Graph permissions an operation accepts: any one application permission (token {@code roles}) or any one
 * delegated permission (token {@code scp}), as the Graph docs list them per API, in the docs' order.
 *
 * @param pimForGroupsWorkload whether the API is served by PIM for Groups, which refuses a delegated token
 *     without the scope with its own {@code PermissionScopeNotGranted} inside an {@code UnknownError}
 */
record Permission(Set<String> application, Set<String> delegated, boolean pimForGroupsWorkload) {

  static final Permission DIRECTORY_ROLE_REQUESTS_WRITE = both(
      "RoleAssignmentSchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory");
  static final Permission DIRECTORY_ROLE_REQUESTS_READ = both(
      "RoleAssignmentSchedule.Read.Directory", "RoleAssignmentSchedule.ReadWrite.Directory",
      "RoleManagement.Read.Directory", "RoleManagement.Read.All", "RoleManagement.ReadWrite.Directory");
  static final Permission DIRECTORY_ELIGIBILITY_WRITE = both(
      "RoleEligibilitySchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory");
  static final Permission DIRECTORY_ELIGIBILITY_READ = both(
      "RoleEligibilitySchedule.Read.Directory", "RoleEligibilitySchedule.ReadWrite.Directory",
      "RoleManagement.Read.Directory", "RoleManagement.Read.All", "RoleManagement.ReadWrite.Directory");
  static final Permission DIRECTORY_ROLES_READ = both(
      "RoleManagement.Read.Directory", "RoleManagement.Read.All", "RoleManagement.ReadWrite.Directory",
      "Directory.Read.All", "Directory.ReadWrite.All");
  static final Permission GROUP_ASSIGNMENTS_WRITE = groupWorkload(
      "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "PrivilegedAccess.ReadWrite.AzureADGroup");
  static final Permission GROUP_ASSIGNMENTS_READ = groupWorkload(
      "PrivilegedAssignmentSchedule.Read.AzureADGroup", "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup",
      "PrivilegedAccess.Read.AzureADGroup", "PrivilegedAccess.ReadWrite.AzureADGroup");
  static final Permission GROUP_ELIGIBILITY_WRITE = groupWorkload(
      "PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup", "PrivilegedAccess.ReadWrite.AzureADGroup");
  static final Permission GROUP_ELIGIBILITY_READ = groupWorkload(
      "PrivilegedEligibilitySchedule.Read.AzureADGroup", "PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup",
      "PrivilegedAccess.Read.AzureADGroup", "PrivilegedAccess.ReadWrite.AzureADGroup");
  static final Permission GROUP_APPROVALS = delegatedOnly(
      "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "PrivilegedAccess.ReadWrite.AzureADGroup");
  static final Permission DIRECTORY_APPROVALS = delegatedOnly(
      "RoleAssignmentSchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory");
  static final Permission DIRECTORY_POLICIES_READ = both(
      "RoleManagementPolicy.Read.Directory", "RoleManagementPolicy.ReadWrite.Directory",
      "RoleManagement.Read.Directory", "RoleManagement.Read.All", "RoleManagement.ReadWrite.Directory");
  static final Permission DIRECTORY_POLICIES_WRITE = both("RoleManagementPolicy.ReadWrite.Directory");
  static final Permission GROUP_POLICIES_READ = both(
      "RoleManagementPolicy.Read.AzureADGroup", "RoleManagementPolicy.ReadWrite.AzureADGroup");
  static final Permission GROUP_POLICIES_WRITE = both("RoleManagementPolicy.ReadWrite.AzureADGroup");
  static final Permission USERS_READ = both(
      "User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
  static final Permission ME_READ = delegatedOnly(
      "User.Read", "User.ReadWrite", "User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All",
      "Directory.Read.All", "Directory.ReadWrite.All");
  static final Permission SERVICE_PRINCIPALS_READ = both(
      "Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
  static final Permission GROUPS_READ = both(
      "Group.Read.All", "GroupMember.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
  static final Permission DIRECTORY_OBJECTS_READ = both("Directory.Read.All", "Directory.ReadWrite.All");

  Permission {
    application = Collections.unmodifiableSet(new LinkedHashSet<>(application));
    delegated = Collections.unmodifiableSet(new LinkedHashSet<>(delegated));
  }

  Permission(Set<String> application, Set<String> delegated) {
    this(application, delegated, false);
  }

  private static Permission both(String... names) {
    return new Permission(ordered(names), ordered(names), false);
  }

  private static Permission groupWorkload(String... names) {
    return new Permission(ordered(names), ordered(names), true);
  }

  private static Permission delegatedOnly(String... names) {
    return new Permission(Set.of(), ordered(names), false);
  }

  private static Set<String> ordered(String... names) {
    return new LinkedHashSet<>(List.of(names));
  }
}
