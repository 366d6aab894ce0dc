package dev.jitelevate.emulator.graph;

import java.util.Set;

/**
 * The Graph permissions an operation accepts: any one application permission (token {@code roles}) or any one
 * delegated permission (token {@code scp}), as the Graph docs list them per API.
 */
record Permission(Set<String> application, Set<String> delegated) {

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
  static final Permission GROUP_ASSIGNMENTS_WRITE = both(
      "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "PrivilegedAccess.ReadWrite.AzureADGroup");
  static final Permission GROUP_ASSIGNMENTS_READ = both(
      "PrivilegedAssignmentSchedule.Read.AzureADGroup", "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup",
      "PrivilegedAccess.Read.AzureADGroup", "PrivilegedAccess.ReadWrite.AzureADGroup");
  static final Permission GROUP_ELIGIBILITY_WRITE = both(
      "PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup", "PrivilegedAccess.ReadWrite.AzureADGroup");
  static final Permission GROUP_ELIGIBILITY_READ = both(
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
    application = Set.copyOf(application);
    delegated = Set.copyOf(delegated);
  }

  private static Permission both(String... names) {
    return new Permission(Set.of(names), Set.of(names));
  }

  private static Permission delegatedOnly(String... names) {
    return new Permission(Set.of(), Set.of(names));
  }
}
