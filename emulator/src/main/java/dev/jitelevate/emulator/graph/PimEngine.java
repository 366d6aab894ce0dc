package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.AuthContextRule;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Group;
import dev.jitelevate.emulator.kernel.PimRules;
import dev.jitelevate.emulator.kernel.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides schedule requests the way PIM does: who may ask, what the policy demands, whether an approval is
 * needed, and which conflicts ({@code RoleAssignmentExists}, pending requests, the minimum active duration)
 * refuse a request.
 */
final class PimEngine {
  private final PimState state;
  private final EmulatorContext context;
  private final Provisioner provisioner;
  private final ApprovalGate approvals;

  PimEngine(PimState state, EmulatorContext context) {
    this.state = state;
    this.context = context;
    this.provisioner = new Provisioner(state, context);
    this.approvals = new ApprovalGate(state, context);
  }

  Provisioner provisioner() {
    return provisioner;
  }

  /** Validates, authorises and applies a request; persists nothing when it is validation-only. */
  ScheduleRequest submit(ScheduleRequest r, Caller caller) {
    Instant now = context.clock().now();
    boolean principalIsApp = checkSubject(r);
    authorise(r, caller);
    r.effectiveStart = r.schedule.start() == null || r.schedule.start().isBefore(now) ? now : r.schedule.start();
    r.targetScheduleId = r.target.isGroup() && r.type == ScheduleRequest.Type.ASSIGNMENT
        ? PimIds.groupScheduleId(r.target, r.id) : r.id;
    switch (r.action) {
      case "selfActivate", "adminAssign" -> grant(r, caller, principalIsApp, now);
      case "selfDeactivate", "adminRemove" -> remove(r, now);
      default -> update(r, caller, principalIsApp, now);
    }
    if (!r.validationOnly) {
      state.requests.put(r.id, r);
    }
    return r;
  }

  private void grant(ScheduleRequest r, Caller caller, boolean principalIsApp, Instant now) {
    if (r.type == ScheduleRequest.Type.ELIGIBILITY && principalIsApp) {
      throw GraphException.badRequest("InvalidPrincipalType", "Service principals cannot be made eligible for a role;"
          + " give the service principal a time-bound active assignment (adminAssign on the assignment schedule"
          + " requests) instead.");
    }
    PimRules.requireNoConflict(exists(r), state.pendingRequest(r.principalId, r.target, r.type).isPresent());
    RoleManagementPolicy policy = policy(r.target);
    boolean selfActivation = r.action.equals("selfActivate");
    Duration max = selfActivation ? policy.maximumActivation() : policy.maximumAdmin(r.type);
    List<String> failed = selfActivation
        ? PolicyCheck.endUser(r, policy, caller, eligibleNow(r, now), r.effectiveStart)
        : PolicyCheck.admin(r, policy, caller, principalIsApp, r.effectiveStart);
    PimRules.requireNoFailures(failed);
    policy.rule(AuthContextRule.RULE_ID).filter(rule -> selfActivation).flatMap(rule -> AuthContextRule.missing(rule, caller))
        .ifPresent(GraphException::throwAcrsValidationFailed);
    r.grantedLength = r.schedule.neverExpires() ? null : PolicyCheck.length(r.schedule, r.effectiveStart, max);
    if (selfActivation && policy.approvalRequired()) {
      r.status = RequestStatus.PENDING_APPROVAL;
      if (!r.validationOnly) {
        approvals.open(r, policy, now);
      }
    } else if (r.validationOnly) {
      r.status = r.effectiveStart.isAfter(now) ? RequestStatus.GRANTED : RequestStatus.PROVISIONED;
    } else {
      provisioner.schedule(r, now);
    }
  }

  private void remove(ScheduleRequest r, Instant now) {
    if (r.type == ScheduleRequest.Type.ELIGIBILITY) {
      Eligibility eligibility = state.eligibility(r.principalId, r.target).orElseThrow(PimRules::doesNotExist);
      if (!r.validationOnly) state.eligibilities.remove(eligibility);
    } else {
      boolean self = r.action.equals("selfDeactivate");
      ActiveInstance instance = state.instance(r.principalId, r.target,
          i -> !self || i.assignmentType().equals("Activated")).orElseThrow(PimRules::doesNotExist);
      PimRules.requireFloorPassed(instance.start(), now, context.hazards().minimumActiveDuration());
      if (!r.validationOnly) state.instances.remove(instance);
    }
    r.status = RequestStatus.REVOKED;
    r.completedAt = now;
  }

  private void update(ScheduleRequest r, Caller caller, boolean principalIsApp, Instant now) {
    RoleManagementPolicy policy = policy(r.target);
    boolean self = r.isSelfAction();
    Duration max = self ? policy.maximumActivation() : policy.maximumAdmin(r.type);
    List<String> failed = self
        ? PolicyCheck.endUser(r, policy, caller, true, r.effectiveStart)
        : PolicyCheck.admin(r, policy, caller, principalIsApp, r.effectiveStart);
    if (r.type == ScheduleRequest.Type.ELIGIBILITY) {
      Eligibility current = state.eligibility(r.principalId, r.target).orElseThrow(PimRules::doesNotExist);
      PimRules.requireNoFailures(failed);
      Instant end = end(r, now, max);
      if (!r.validationOnly) state.replaceEligibility(current, current.withEnd(end));
    } else {
      ActiveInstance current = state.instance(r.principalId, r.target, i -> true)
          .orElseThrow(PimRules::doesNotExist);
      PimRules.requireNoFailures(failed);
      Instant end = end(r, now, max);
      if (!r.validationOnly) state.replaceInstance(current, current.withEnd(end));
    }
    r.status = RequestStatus.PROVISIONED;
    r.completedAt = now;
  }

  private static Instant end(ScheduleRequest r, Instant now, Duration max) {
    r.grantedLength = r.schedule.neverExpires() ? null : PolicyCheck.length(r.schedule, r.effectiveStart, max);
    return r.grantedLength == null ? null : r.effectiveStart.plus(r.grantedLength);
  }

  private boolean exists(ScheduleRequest r) {
    return r.type == ScheduleRequest.Type.ELIGIBILITY
        ? state.eligibility(r.principalId, r.target).isPresent()
        : state.instance(r.principalId, r.target, i -> true).isPresent()
            || standingGroupAccess(r.principalId, r.target);
  }

  private boolean standingGroupAccess(String principalId, PimTarget target) {
    if (!target.isGroup()) return false;
    return directory().group(target.scope()).map(g -> (target.role().equals("owner") ? g.owners() : g.members())
        .stream().anyMatch(m -> m.equalsIgnoreCase(principalId))).orElse(false);
  }

  /** Eligible directly, or (for directory roles) through a role-assignable group the principal is a member of. */
  private boolean eligibleNow(ScheduleRequest r, Instant now) {
    if (state.eligibility(r.principalId, r.target).filter(e -> e.activeAt(now)).isPresent()) {
      return true;
    }
    return !r.target.isGroup() && memberGroups(r.principalId).stream()
        .anyMatch(g -> state.eligibility(g, r.target).filter(e -> e.activeAt(now)).isPresent());
  }

  /** Groups the principal is a member of now: standing members plus PIM-active member access. */
  java.util.Set<String> memberGroups(String principalId) {
    java.util.Set<String> groups = new java.util.HashSet<>();
    for (Group group : directory().groups()) {
      if (group.members().stream().anyMatch(m -> m.equalsIgnoreCase(principalId))) {
        groups.add(group.id().toLowerCase(java.util.Locale.ROOT));
      }
    }
    for (ActiveInstance i : state.instances(PimTarget.Kind.GROUP)) {
      if (i.principalId().equalsIgnoreCase(principalId) && i.target().role().equals("member")) {
        groups.add(i.target().scope());
      }
    }
    return groups;
  }

  private RoleManagementPolicy policy(PimTarget target) {
    return state.policy(target).orElseThrow(() -> new IllegalStateException("No policy for " + target));
  }

  /** Checks the principal and the role or group exist; returns whether the principal is an application. */
  private boolean checkSubject(ScheduleRequest r) {
    Directory directory = directory();
    Optional<Principal> principal = directory.principal(r.principalId);
    if (principal.isEmpty() && directory.group(r.principalId).isEmpty()) {
      throw GraphException.badRequest("SubjectNotFound", "The subject '" + r.principalId + "' was not found in the"
          + " directory; pass the object id of a user, group or service principal.");
    }
    if (r.target.isGroup()) {
      Group group = directory.group(r.target.scope())
          .orElseThrow(() -> GraphException.pimNotFound("group", r.target.scope()));
      if (!state.isPimGroup(group.id())) {
        throw GraphException.badRequest("GroupNotOnboarded", "The group '" + group.id() + "' is not managed by"
            + " Privileged Identity Management for Groups; onboard it (pimEnabled in the scenario) first.");
      }
    } else if (DirectoryRoleCatalog.byId(r.target.role()).isEmpty()) {
      throw GraphException.badRequest("RoleNotFound", "The role definition '" + r.target.role() + "' was not found.");
    }
    return principal.map(p -> !p.isUser()).orElse(false);
  }

  private void authorise(ScheduleRequest r, Caller caller) {
    if (r.isSelfAction()) {
      if (!r.principalId.equalsIgnoreCase(caller.objectId())) {
        throw GraphException.denied("The principalId of a " + r.action + " request must be the caller's own object"
            + " id; use an admin action to act for another principal.");
      }
    } else if (!GraphAuth.actsAsAdmin(caller) && !ownsGroup(caller, r.target)) {
      throw GraphException.denied();
    }
  }

  private boolean ownsGroup(Caller caller, PimTarget target) {
    return target.isGroup() && (standingGroupAccess(caller.objectId(), PimTarget.group(target.scope(), "owner"))
        || state.instance(caller.objectId(), PimTarget.group(target.scope(), "owner"), i -> true).isPresent());
  }

  private Directory directory() {
    return context.require(Directory.class);
  }
}
