package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /roleManagement/directory/…}: PIM for Entra roles, role assignments and role definitions. */
final class DirectoryRoleRoutes {
  private static final String PREFIX = "roleManagement/directory/";
  private final Map<String, RequestSet> requestSets;
  private final Map<String, EntitySet> readSets;
  private final ApprovalRoutes approvals;

  DirectoryRoleRoutes(GraphTenant tenant, ApprovalRoutes approvals) {
    this.approvals = approvals;
    this.requestSets = Map.of(
        "roleassignmentschedulerequests", new RequestSet(tenant, ScheduleRequest.Type.ASSIGNMENT,
            PimTarget.Kind.DIRECTORY, Permission.DIRECTORY_ROLE_REQUESTS_WRITE, Permission.DIRECTORY_ROLE_REQUESTS_READ,
            "unifiedRoleAssignmentScheduleRequest", PREFIX + "roleAssignmentScheduleRequests", Set.of(), false),
        "roleeligibilityschedulerequests", new RequestSet(tenant, ScheduleRequest.Type.ELIGIBILITY,
            PimTarget.Kind.DIRECTORY, Permission.DIRECTORY_ELIGIBILITY_WRITE, Permission.DIRECTORY_ELIGIBILITY_READ,
            "unifiedRoleEligibilityScheduleRequest", PREFIX + "roleEligibilityScheduleRequests", Set.of(), false));
    var expand = Expansions.pim(tenant);
    var principal = EntitySet.CurrentUserMatch.PRINCIPAL;
    this.readSets = Map.of(
        "roleassignmentscheduleinstances", new EntitySet("unifiedRoleAssignmentScheduleInstance",
            Permission.DIRECTORY_ROLE_REQUESTS_READ, PREFIX + "roleAssignmentScheduleInstances",
            () -> render(tenant.activeInstances(PimTarget.Kind.DIRECTORY), PimRenderer::instance), principal, Set.of(),
            expand, EntitySet.Readers.ADMIN_READERS),
        "roleassignmentschedules", new EntitySet("unifiedRoleAssignmentSchedule",
            Permission.DIRECTORY_ROLE_REQUESTS_READ, PREFIX + "roleAssignmentSchedules",
            () -> render(tenant.activeInstances(PimTarget.Kind.DIRECTORY), PimRenderer::schedule), principal, Set.of(),
            expand, EntitySet.Readers.ADMIN_READERS),
        "roleeligibilityscheduleinstances", new EntitySet("unifiedRoleEligibilityScheduleInstance",
            Permission.DIRECTORY_ELIGIBILITY_READ, PREFIX + "roleEligibilityScheduleInstances",
            () -> render(tenant.state.eligibilities(PimTarget.Kind.DIRECTORY), PimRenderer::eligibilityInstance),
            principal, Set.of(), expand, EntitySet.Readers.ADMIN_READERS),
        "roleeligibilityschedules", new EntitySet("unifiedRoleEligibilitySchedule",
            Permission.DIRECTORY_ELIGIBILITY_READ, PREFIX + "roleEligibilitySchedules",
            () -> render(tenant.state.eligibilities(PimTarget.Kind.DIRECTORY), PimRenderer::eligibilitySchedule),
            principal, Set.of(), expand, EntitySet.Readers.ADMIN_READERS),
        "roleassignments", new EntitySet("unifiedRoleAssignment", Permission.DIRECTORY_ROLES_READ,
            PREFIX + "roleAssignments",
            () -> render(tenant.activeInstances(PimTarget.Kind.DIRECTORY), PimRenderer::roleAssignment),
            EntitySet.CurrentUserMatch.NONE, Set.of(), expand),
        "roledefinitions", new EntitySet("unifiedRoleDefinition", Permission.DIRECTORY_ROLES_READ,
            PREFIX + "roleDefinitions",
            () -> render(DirectoryRoleCatalog.all(), DirectoryObjects::roleDefinition), EntitySet.CurrentUserMatch.NONE,
            Set.of(), EntitySet.noExpansion()));
  }

  boolean owns(GraphCall call) {
    return call.is(0, "roleManagement") && call.is(1, "directory");
  }

  EmulatorResponse handle(GraphCall call) {
    String set = call.segment(2).toLowerCase(java.util.Locale.ROOT);
    if (requestSets.containsKey(set)) {
      return requestSets.get(set).handle(call, 3);
    }
    if (readSets.containsKey(set)) {
      return readSets.get(set).read(call, 3);
    }
    if (set.equals("roleassignmentapprovals") && call.isBeta()) {
      return approvals.handle(call, 3, PimTarget.Kind.DIRECTORY);
    }
    throw call.unknownSegment(2);
  }

  static <T> List<ObjectNode> render(List<T> items, java.util.function.Function<T, ObjectNode> renderer) {
    return items.stream().map(renderer).toList();
  }
}
