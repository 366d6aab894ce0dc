package dev.jitelevate.runner.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the broker holds the Microsoft Graph application permission the policy's Graph targets need: directory
 * roles need RoleManagement.ReadWrite.Directory (or RoleAssignmentSchedule.ReadWrite.Directory), PIM for Groups
 * needs PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup (or PrivilegedAccess.ReadWrite.AzureADGroup).
 */
final class GraphPermissionChecks {
  static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
  /** Graph's permission ids (its service principal's appRoles), least privileged first. */
  static final Map<String, String> DIRECTORY_ROLES = Map.of(
      "RoleAssignmentSchedule.ReadWrite.Directory", "dd199f4a-f148-40a4-a2ec-f0069cc799ec",
      "RoleManagement.ReadWrite.Directory", "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8");
  static final Map<String, String> GROUPS = Map.of(
      "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "41202f2c-f7ab-45be-b001-85c9728b9d69",
      "PrivilegedAccess.ReadWrite.AzureADGroup", "2f6817f8-7b12-4f0f-bc18-eeaf60705a9e");

  private GraphPermissionChecks() {}

  static List<Finding> run(SetUp setUp, PolicyNeeds needs) {
    List<Finding> out = new ArrayList<>();
    check(setUp, needs.directoryRoleRules(), DIRECTORY_ROLES, "RoleAssignmentSchedule.ReadWrite.Directory", out);
    check(setUp, needs.groupRules(), GROUPS, "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", out);
    return out;
  }

  private static void check(SetUp setUp, List<String> rules, Map<String, String> accepted, String least,
      List<Finding> out) {
    if (rules.isEmpty() || accepted.values().stream().anyMatch(setUp.brokerGraphPermissions()::contains)) {
      return;
    }
    out.add(new Finding(FindingCode.GRAPH_PERMISSION_MISSING, "The policy's rules " + rules + " grant through Graph,"
        + " and the broker holds none of the application permissions " + accepted.keySet().stream().sorted().toList()
        + ": such grants would fail.", "az ad app permission add --id " + setUp.brokerAppId() + " --api " + GRAPH_APP_ID
        + " --api-permissions " + accepted.get(least) + "=Role && az ad app permission admin-consent --id "
        + setUp.brokerAppId() + "   (" + least + ")"));
  }
}
