package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code /identityGovernance/privilegedAccess/group/…}: PIM for Groups requests, schedules, instances, approvals. */
final class GroupRoutes {
  private static final String PREFIX = "identityGovernance/privilegedAccess/group/";
  private static final Set<String> BY_GROUP_OR_PRINCIPAL = Set.of("groupId", "principalId");
  private final Map<String, RequestSet> requestSets;
  private final Map<String, EntitySet> readSets;
  private final ApprovalRoutes approvals;

  GroupRoutes(GraphTenant tenant, ApprovalRoutes approvals) {
    this.approvals = approvals;
    this.requestSets = Map.of(
        "assignmentschedulerequests", new RequestSet(tenant, ScheduleRequest.Type.ASSIGNMENT, PimTarget.Kind.GROUP,
            Permission.GROUP_ASSIGNMENTS_WRITE, Permission.GROUP_ASSIGNMENTS_READ,
            "privilegedAccessGroupAssignmentScheduleRequest", PREFIX + "assignmentScheduleRequests",
            BY_GROUP_OR_PRINCIPAL, true),
        "eligibilityschedulerequests", new RequestSet(tenant, ScheduleRequest.Type.ELIGIBILITY, PimTarget.Kind.GROUP,
            Permission.GROUP_ELIGIBILITY_WRITE, Permission.GROUP_ELIGIBILITY_READ,
            "privilegedAccessGroupEligibilityScheduleRequest", PREFIX + "eligibilityScheduleRequests",
            BY_GROUP_OR_PRINCIPAL, true));
    var expand = Expansions.pim(tenant);
    var principal = EntitySet.CurrentUserMatch.PRINCIPAL;
    this.readSets = Map.of(
        "assignmentscheduleinstances", new EntitySet("privilegedAccessGroupAssignmentScheduleInstance",
            Permission.GROUP_ASSIGNMENTS_READ, PREFIX + "assignmentScheduleInstances",
            () -> DirectoryRoleRoutes.render(tenant.activeInstances(PimTarget.Kind.GROUP), PimRenderer::instance),
            principal, BY_GROUP_OR_PRINCIPAL, expand, EntitySet.Readers.GROUP_READERS),
        "assignmentschedules", new EntitySet("privilegedAccessGroupAssignmentSchedule",
            Permission.GROUP_ASSIGNMENTS_READ, PREFIX + "assignmentSchedules",
            () -> DirectoryRoleRoutes.render(tenant.activeInstances(PimTarget.Kind.GROUP), PimRenderer::schedule),
            principal, BY_GROUP_OR_PRINCIPAL, expand, EntitySet.Readers.GROUP_READERS),
        "eligibilityscheduleinstances", new EntitySet("privilegedAccessGroupEligibilityScheduleInstance",
            Permission.GROUP_ELIGIBILITY_READ, PREFIX + "eligibilityScheduleInstances",
            () -> DirectoryRoleRoutes.render(tenant.state.eligibilities(PimTarget.Kind.GROUP),
                PimRenderer::eligibilityInstance),
            principal, BY_GROUP_OR_PRINCIPAL, expand, EntitySet.Readers.GROUP_READERS),
        "eligibilityschedules", new EntitySet("privilegedAccessGroupEligibilitySchedule",
            Permission.GROUP_ELIGIBILITY_READ, PREFIX + "eligibilitySchedules",
            () -> DirectoryRoleRoutes.render(tenant.state.eligibilities(PimTarget.Kind.GROUP),
                PimRenderer::eligibilitySchedule),
            principal, BY_GROUP_OR_PRINCIPAL, expand, EntitySet.Readers.GROUP_READERS));
  }

  boolean owns(GraphCall call) {
    return call.is(0, "identityGovernance") && call.is(1, "privilegedAccess") && call.is(2, "group");
  }

  EmulatorResponse handle(GraphCall call) {
    String set = call.segment(3).toLowerCase(Locale.ROOT);
    if (requestSets.containsKey(set)) {
      return requestSets.get(set).handle(call, 4);
    }
    if (readSets.containsKey(set)) {
      return readSets.get(set).read(call, 4);
    }
    if (set.equals("assignmentapprovals")) {
      return approvals.handle(call, 4, PimTarget.Kind.GROUP);
    }
    throw call.unknownSegment(3);
  }
}
