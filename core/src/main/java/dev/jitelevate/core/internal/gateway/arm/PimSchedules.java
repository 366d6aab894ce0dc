package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.util.Context;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentScheduleInner;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentScheduleInstanceInner;
import com.azure.resourcemanager.authorization.fluent.models.RoleEligibilityScheduleInstanceInner;
import com.azure.resourcemanager.authorization.models.ExpandedProperties;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.StatusReport;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.AssignmentType;
import dev.jitelevate.core.internal.gateway.Eligibility;
import dev.jitelevate.core.internal.gateway.OData;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads PIM's eligibility and assignment schedule instances for a principal. */
final class PimSchedules {
  private final ArmClient arm;
  private final Supplier<TokenClaims> caller;
  private final Clock clock;

  PimSchedules(ArmClient arm, Supplier<TokenClaims> caller, Clock clock) {
    this.arm = arm;
    this.caller = caller;
    this.clock = clock;
  }

  /** The principal's eligibilities (direct or through a group) for the role at the scope or above it. */
  List<Eligibility> eligibilities(PrincipalId principal, ResolvedTarget target) {
    Instant now = clock.instant();
    return eligibilityInstances(ArmScopes.arg(target.scope()), filterFor(principal, "assignedTo")).stream()
        .filter(e -> ArmScopes.sameRole(e.roleDefinitionId(), target.roleDefinitionId().orElse("")))
        .filter(e -> ArmScopes.covers(e.scope(), target.scope()))
        .filter(e -> e.endDateTime() == null || e.endDateTime().toInstant().isAfter(now))
        .map(e -> new Eligibility(e.roleEligibilityScheduleId(), e.scope(), instant(e.endDateTime())))
        .toList();
  }

  /** The principal's active instances of exactly this role at exactly this scope, each with its request. */
  List<ActiveInstance> activeInstances(PrincipalId principal, ResolvedTarget target) {
    String scope = ArmScopes.arg(target.scope());
    String filter = filterFor(principal, "principalId");
    List<RoleAssignmentScheduleInstanceInner> instances = arm.call("roleAssignmentScheduleInstances.list",
        () -> arm.sdk().getRoleAssignmentScheduleInstances().listForScope(scope, filter, Context.NONE).stream()
            .filter(i -> principal.value().equalsIgnoreCase(i.principalId()))
            .filter(i -> ArmScopes.sameRole(i.roleDefinitionId(), target.roleDefinitionId().orElse("")))
            .filter(i -> ArmScopes.sameScope(i.scope(), target.scope()))
            .toList());
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, String> requestBySchedule = requestsBySchedule(scope, filter);
    return instances.stream().map(i -> active(i, Optional.ofNullable(
        requestBySchedule.get(ArmScopes.lastSegment(i.roleAssignmentScheduleId()))))).toList();
  }

  /** Schedule name to the name of the request that created it (instances do not name their request). */
  private Map<String, String> requestsBySchedule(String scope, String filter) {
    Map<String, String> map = new HashMap<>();
    List<RoleAssignmentScheduleInner> schedules = arm.call("roleAssignmentSchedules.list",
        () -> arm.sdk().getRoleAssignmentSchedules().listForScope(scope, filter, Context.NONE).stream().toList());
    for (RoleAssignmentScheduleInner s : schedules) {
      if (s.roleAssignmentScheduleRequestId() != null) {
        map.put(ArmScopes.lastSegment(s.id()), ArmScopes.lastSegment(s.roleAssignmentScheduleRequestId()));
      }
    }
    return map;
  }

  /** Everything the principal may activate and has active, at every scope (from the tenant root). */
  StatusReport status(PrincipalId principal) {
    String filter = filterFor(principal, "assignedTo");
    List<StatusReport.Entry> eligible = eligibilityInstances("", filter).stream()
        .map(e -> new StatusReport.Entry("arm", roleName(e.expandedProperties(), e.roleDefinitionId()),
            e.roleDefinitionId(), e.scope(), instant(e.startDateTime()), instant(e.endDateTime()), "Eligible"))
        .toList();
    List<StatusReport.Entry> active = arm.call("roleAssignmentScheduleInstances.list",
        () -> arm.sdk().getRoleAssignmentScheduleInstances().listForScope("", filter, Context.NONE).stream()
            .map(i -> new StatusReport.Entry("arm", roleName(i.expandedProperties(), i.roleDefinitionId()),
                i.roleDefinitionId(), i.scope(), instant(i.startDateTime()), instant(i.endDateTime()),
                i.assignmentType() == null ? "Assigned" : i.assignmentType().toString()))
            .toList());
    return new StatusReport(principal, eligible, active);
  }

  /**
   * The list filter for a principal's items. Reading its own, the caller asks {@code asTarget()}: ARM refuses any
   * other list to a caller without {@code Microsoft.Authorization/roleAssignments/read} at the scope
   * (azure-powershell#18163), which a user who only holds eligibilities lacks. {@code asTarget()} also returns
   * what the caller holds through groups, as {@code assignedTo} does; {@code principalId eq} callers filter
   * those out.
   *
   * @param other how to name another principal: {@code assignedTo} or {@code principalId}
   */
  private String filterFor(PrincipalId principal, String other) {
    if (principal.equals(caller.get().objectId())) {
      return "asTarget()";
    }
    return other.equals("assignedTo") ? "assignedTo(" + OData.literal(principal.value()) + ")" : ArmSurfaceBase.filterFor(principal);
  }

  private List<RoleEligibilityScheduleInstanceInner> eligibilityInstances(String scope, String filter) {
    return arm.call("roleEligibilityScheduleInstances.list",
        () -> arm.sdk().getRoleEligibilityScheduleInstances().listForScope(scope, filter, Context.NONE).stream().toList());
  }

  private static ActiveInstance active(RoleAssignmentScheduleInstanceInner i, Optional<String> requestId) {
    Instant start = Optional.ofNullable(i.startDateTime()).or(() -> Optional.ofNullable(i.createdOn()))
        .map(OffsetDateTime::toInstant).orElse(Instant.EPOCH);
    return new ActiveInstance(i.name(), AssignmentType.of(i.assignmentType() == null ? null : i.assignmentType().toString(),
        AssignmentType.ASSIGNED), start,
        instant(i.endDateTime()), requestId, Optional.empty());
  }

  private static String roleName(ExpandedProperties expanded, String roleDefinitionId) {
    return expanded != null && expanded.roleDefinition() != null && expanded.roleDefinition().displayName() != null
        ? expanded.roleDefinition().displayName() : ArmScopes.lastSegment(roleDefinitionId);
  }

  private static Optional<Instant> instant(OffsetDateTime t) {
    return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
  }
}
