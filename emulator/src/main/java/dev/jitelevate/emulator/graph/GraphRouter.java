package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.EmulatorResponse;

/** Dispatches an authenticated call to the route family owning its first segments. */
final class GraphRouter {
  private final LookupRoutes lookups;
  private final DirectoryRoleRoutes directoryRoles;
  private final GroupRoutes groups;
  private final PolicyRoutes policies;
  private final AdministrativeUnitRoutes units;
  private final SessionRoutes sessions;
  private final ApplicationRoutes applications;

  GraphRouter(GraphTenant tenant) {
    this(tenant, new AdministrativeUnitRoutes(java.util.List.of()),
        new ApplicationRoutes(java.util.List.of(), "", java.time.Instant.EPOCH));
  }

  GraphRouter(GraphTenant tenant, AdministrativeUnitRoutes units, ApplicationRoutes applications) {
    this.units = units;
    this.applications = applications;
    ApprovalRoutes approvals = new ApprovalRoutes(tenant);
    this.lookups = new LookupRoutes(tenant);
    this.directoryRoles = new DirectoryRoleRoutes(tenant, approvals);
    this.groups = new GroupRoutes(tenant, approvals);
    this.policies = new PolicyRoutes(tenant);
    this.sessions = new SessionRoutes(tenant);
  }

  EmulatorResponse route(GraphCall call) {
    if (directoryRoles.owns(call)) {
      return directoryRoles.handle(call);
    }
    if (groups.owns(call)) {
      return groups.handle(call);
    }
    if (policies.owns(call)) {
      return policies.handle(call);
    }
    if (units.owns(call)) {
      return units.handle(call);
    }
    if (sessions.owns(call)) {
      return sessions.handle(call);
    }
    if (applications.owns(call)) {
      return applications.handle(call);
    }
    if (lookups.owns(call)) {
      return lookups.handle(call);
    }
    throw call.size() == 0 ? GraphException.invalidRequest("Invalid version: the path needs a resource after the"
        + " version segment.") : call.unknownSegment(firstUnknown(call));
  }

  private static int firstUnknown(GraphCall call) {
    if (call.is(0, "roleManagement") || call.is(0, "policies")) return 1;
    if (call.is(0, "identityGovernance")) return call.is(1, "privilegedAccess") ? 2 : 1;
    return 0;
  }
}
