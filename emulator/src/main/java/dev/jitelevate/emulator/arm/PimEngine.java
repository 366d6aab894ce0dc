package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.AuthContextRule;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.PimRules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The PIM request engine: validates schedule requests against eligibility, conflicts and policy, opens
 * approvals, and moves requests through their life cycle lazily on the emulator clock ({@link #tick}).
 * Call every method while holding the lock on {@link ArmState}.
 */
final class PimEngine {
  static final String WRITE = "Microsoft.Authorization/roleAssignments/write";

  private final ArmState state;
  private final PolicyStore policies;
  private final Principals principals;
  private final RbacEvaluator rbac;
  private final EmulatorContext context;
  private final Approvals approvals;

  PimEngine(ArmState state, PolicyStore policies, Principals principals, RbacEvaluator rbac, EmulatorContext context) {
    this.state = state;
    this.policies = policies;
    this.principals = principals;
    this.rbac = rbac;
    this.context = context;
    this.approvals = new Approvals(state, principals, context, this);
  }

  Approvals approvals() {
    return approvals;
  }

  /** Applies everything that became due: approval time-outs, provisioning, server-side expiry. */
  void tick() {
    Instant now = context.clock().now();
    approvals.expire(now);
    for (ScheduleRequest request : List.copyOf(state.requests.values())) {
      if (request.status().equals("Accepted") && request.readyAt() != null && !request.readyAt().isAfter(now)) {
        provision(request);
      }
    }
    for (PimSchedule schedule : List.copyOf(state.schedules.values())) {
      if (schedule.end() != null && !schedule.end().isAfter(now)) {
        state.removeSchedule(schedule);
      }
    }
  }

  /**
   * Validates a request and, when {@code persist}, records it and applies its effect.
   *
   * @return the request as the service would report it
   * @throws ArmException with the real service's code when it is refused
   */
  ScheduleRequest submit(RequestSpec spec, Caller caller, Set<String> callerIdentities, boolean persist) {
    ScheduleRequest result = switch (spec.kind().name() + ":" + spec.requestType()) {
      case "ASSIGNMENT:SelfActivate" -> activate(spec, caller);
      case "ASSIGNMENT:AdminAssign", "ELIGIBILITY:AdminAssign" -> adminAssign(spec, caller, callerIdentities);
      case "ASSIGNMENT:SelfDeactivate", "ASSIGNMENT:AdminRemove", "ELIGIBILITY:AdminRemove" ->
          remove(spec, caller, callerIdentities);
      case "ASSIGNMENT:AdminUpdate", "ELIGIBILITY:AdminUpdate" -> adminUpdate(spec, caller, callerIdentities);
      default -> throw ArmErrors.badRequest("InvalidRequestType", "The emulator does not implement requestType '"
          + spec.requestType() + "' on " + spec.kind().requestType + "; use SelfActivate, SelfDeactivate, AdminAssign, AdminUpdate or AdminRemove"
          + " (AdminAssign/AdminRemove only for eligibilities).");
    };
    if (!persist) {
      return result;
    }
    return commit(result);
  }

  private ScheduleRequest activate(RequestSpec spec, Caller caller) {
    Optional<PimSchedule> eligibility = caller.objectId().equalsIgnoreCase(spec.principalId())
        ? eligibilityFor(spec) : Optional.empty();
    requireNoConflict(spec);
    RolePolicy policy = policies.policyFor(spec.scope(), spec.roleGuid());
    PimRules.requireNoFailures(
        PolicyCheck.endUser(spec, caller, policy, eligibility.isPresent(), principals.identities(spec.principalId())));
    AuthContextRule.missing(policy.rule(AuthContextRule.RULE_ID), caller).ifPresent(ArmErrors::throwAcrsValidationFailed);
    String target = UUID.randomUUID().toString();
    if (policy.approvalRequired()) {
      return new ScheduleRequest(spec, "PendingApproval", UUID.randomUUID().toString(), null, target, null);
    }
    return new ScheduleRequest(spec, "Accepted", null, readyAt(spec, spec.createdOn()), target, null);
  }

  private ScheduleRequest adminAssign(RequestSpec spec, Caller caller, Set<String> identities) {
    requireWrite(spec, caller, identities);
    if (spec.kind() == RequestKind.ELIGIBILITY && spec.principalType().equals("ServicePrincipal")) {
      throw ArmErrors.badRequest("InvalidPrincipalType", "The principal '" + spec.principalId()
          + "' is a service principal or managed identity. Service principals cannot be made eligible for a role;"
          + " create a time-bound active assignment (AdminAssign on roleAssignmentScheduleRequests) instead.");
    }
    requireNoConflict(spec);
    PimRules.requireNoFailures(PolicyCheck.admin(spec, caller, policies.policyFor(spec.scope(), spec.roleGuid()),
        principals.identities(spec.principalId())));
    return new ScheduleRequest(spec, "Accepted", null, readyAt(spec, spec.createdOn()), UUID.randomUUID().toString(), null);
  }

  /** Replaces the schedule of an existing assignment or eligibility (new start and end), as PIM's AdminUpdate does. */
  private ScheduleRequest adminUpdate(RequestSpec spec, Caller caller, Set<String> identities) {
    requireWrite(spec, caller, identities);
    PimSchedule existing = state.schedules(spec.kind()).stream()
        .filter(s -> s.matches(spec.principalId(), spec.roleGuid(), spec.scope()) && s.activeAt(spec.createdOn()))
        .findFirst().orElseThrow(PimRules::doesNotExist);
    PimRules.requireNoFailures(PolicyCheck.admin(spec, caller, policies.policyFor(spec.scope(), spec.roleGuid()),
        principals.identities(spec.principalId())));
    return new ScheduleRequest(spec, "Accepted", null, readyAt(spec, spec.createdOn()), existing.name(), null);
  }

  private ScheduleRequest remove(RequestSpec spec, Caller caller, Set<String> identities) {
    boolean self = spec.requestType().equals("SelfDeactivate");
    if (!self) {
      requireWrite(spec, caller, identities);
    }
    Optional<PimSchedule> active = self && !caller.objectId().equalsIgnoreCase(spec.principalId())
        ? Optional.empty()
        : state.schedules(spec.kind()).stream()
            .filter(s -> s.matches(spec.principalId(), spec.roleGuid(), spec.scope()) && s.activeAt(spec.createdOn()))
            .findFirst();
    PimSchedule schedule = active.orElseThrow(PimRules::doesNotExist);
    if (spec.kind() == RequestKind.ASSIGNMENT) {
      PimRules.requireFloorPassed(schedule.start(), spec.createdOn(), context.hazards().minimumActiveDuration());
    }
    return new ScheduleRequest(spec, "Revoked", null, null, schedule.name(), schedule.instanceName());
  }

  private ScheduleRequest commit(ScheduleRequest request) {
    RequestSpec spec = request.spec();
    if (request.status().equals("Revoked") || spec.requestType().equals("AdminUpdate")) {
      PimSchedule schedule = state.schedules.get(ArmState.key(request.targetScheduleName()));
      if (schedule != null) {
        state.removeSchedule(schedule);
      }
    }
    if (request.status().equals("PendingApproval")) {
      approvals.open(request, policies.policyFor(spec.scope(), spec.roleGuid()).approvalStages());
    }
    state.put(request);
    if (request.status().equals("Accepted") && !request.readyAt().isAfter(spec.createdOn())) {
      return provision(request);
    }
    return request;
  }

  /** Called when an approver approves: the request is accepted and provisions after the provisioning delay. */
  ScheduleRequest approved(ScheduleRequest request, Instant now) {
    ScheduleRequest accepted = request.accepted(readyAt(request.spec(), now));
    state.put(accepted);
    return accepted.readyAt().isAfter(now) ? accepted : provision(accepted);
  }

  private ScheduleRequest provision(ScheduleRequest request) {
    RequestSpec spec = request.spec();
    Instant at = request.readyAt();
    String instance = UUID.randomUUID().toString();
    PimSchedule linked = spec.requestType().equals("SelfActivate") ? eligibilityFor(spec).orElse(null) : null;
    boolean assignment = spec.kind() == RequestKind.ASSIGNMENT;
    PimSchedule schedule = new PimSchedule(spec.kind(), request.targetScheduleName(), instance, spec.scope(), spec.roleGuid(),
        spec.principalId(), spec.principalType(), assignment ? (spec.isSelf() ? "Activated" : "Assigned") : null,
        spec.start(), spec.end(), spec.name(), linked == null ? null : linked.name(),
        linked == null ? null : linked.instanceName(), at, false, spec.condition(), spec.conditionVersion());
    state.put(schedule);
    if (assignment) {
      state.put(new RoleAssignment(instance, spec.scope(), spec.roleGuid(), spec.principalId(), spec.principalType(), null,
          spec.condition(), spec.conditionVersion(), at, spec.requestorId(), false, schedule.name()));
    }
    ScheduleRequest provisioned = request.provisioned(instance);
    state.put(provisioned);
    return provisioned;
  }

  private Instant readyAt(RequestSpec spec, Instant from) {
    Instant base = spec.start().isAfter(from) ? spec.start() : from;
    return base.plus(context.hazards().provisioningDelay());
  }

  /** The eligibility (direct or through a group, at the scope or above) that lets the principal activate. */
  Optional<PimSchedule> eligibilityFor(RequestSpec spec) {
    Set<String> ids = principals.identities(spec.principalId());
    List<PimSchedule> candidates = state.schedules(RequestKind.ELIGIBILITY).stream()
        .filter(e -> ids.contains(ArmState.key(e.principalId())) && e.roleGuid().equalsIgnoreCase(spec.roleGuid()))
        .filter(e -> e.activeAt(spec.createdOn()) && state.topology.covers(e.scope(), spec.scope()))
        .toList();
    String linked = spec.linkedEligibilityScheduleId();
    String linkedGuid = linked == null ? null : linked.substring(linked.lastIndexOf('/') + 1);
    return candidates.stream().filter(e -> e.name().equalsIgnoreCase(linkedGuid)).findFirst()
        .or(() -> candidates.stream().findFirst());
  }

  private void requireNoConflict(RequestSpec spec) {
    boolean exists = state.schedules(spec.kind()).stream()
        .anyMatch(s -> s.matches(spec.principalId(), spec.roleGuid(), spec.scope()) && s.activeAt(spec.createdOn()));
    boolean pending = state.requests.values().stream().map(ScheduleRequest::spec)
        .filter(r -> r.kind() == spec.kind() && !r.isRemoval())
        .anyMatch(r -> r.principalId().equalsIgnoreCase(spec.principalId()) && r.roleGuid().equalsIgnoreCase(spec.roleGuid())
            && r.scope().sameAs(spec.scope()) && state.request(r.kind(), r.name()).map(ScheduleRequest::isPending).orElse(false));
    PimRules.requireNoConflict(exists, pending);
  }

  private void requireWrite(RequestSpec spec, Caller caller, Set<String> identities) {
    if (!rbac.holds(identities, spec.scope(), WRITE)) {
      String client = principals.find(caller.objectId()).map(Principals.DirectoryObject::clientName).orElse(caller.objectId());
      throw ArmErrors.authorizationFailed(client, caller.objectId(), WRITE, spec.scope().path());
    }
  }
}
