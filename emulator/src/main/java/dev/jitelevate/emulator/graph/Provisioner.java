package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns granted requests into instances and keeps time-based state current. Evaluated lazily from the
 * emulator clock before every operation: provisioning delays, scheduled starts, approval time-outs and
 * server-side expiry all take effect when someone next looks.
 */
record Provisioner(PimState state, EmulatorContext context) {
  /** Provisions now, or leaves the request {@code Granted} (future start) / {@code PendingProvisioning} (delay). */
  void schedule(ScheduleRequest r, Instant now) {
    Instant start = r.effectiveStart.isBefore(now) ? now : r.effectiveStart;
    Instant delayed = now.plus(context.hazards().provisioningDelay());
    r.activateAt = start.isAfter(delayed) ? start : delayed;
    if (!r.activateAt.isAfter(now)) {
      provision(r, now);
    } else {
      r.status = start.isAfter(now) ? RequestStatus.GRANTED : RequestStatus.PENDING_PROVISIONING;
    }
  }

  /** Applies every change that is due at {@code now}. */
  void tick(Instant now) {
    for (Approval approval : List.copyOf(state.approvals.values())) {
      ApprovalStage stage = approval.current().orElse(null);
      if (stage != null && !stage.openedAt.plus(context.hazards().approvalStageTimeout()).isAfter(now)) {
        stage.status = ApprovalStage.EXPIRED;
        approval.request.status = RequestStatus.DENIED;
        approval.request.completedAt = now;
      }
    }
    for (ScheduleRequest r : List.copyOf(state.requests.values())) {
      boolean waiting = RequestStatus.GRANTED.equals(r.status) || RequestStatus.PENDING_PROVISIONING.equals(r.status);
      if (waiting && r.activateAt != null && !r.activateAt.isAfter(now)) {
        provision(r, r.activateAt);
      }
    }
    state.instances.removeIf(i -> i.expiredAt(now));
    state.eligibilities.removeIf(e -> e.end() != null && !e.end().isAfter(now));
  }

  /**
   * Records an approver's decision on a stage: an approval opens the next stage, or schedules the request after
   * the last one; a denial denies the request.
   */
  void decide(Approval approval, ApprovalStage stage, boolean approve, String approverId, String justification,
      Instant now) {
    stage.decide(approve, approverId, justification, now);
    Optional<ApprovalStage> next = approve ? approval.after(stage) : Optional.empty();
    if (next.isPresent()) {
      next.get().open(now);
    } else if (approve) {
      schedule(approval.request, now);
    } else {
      approval.request.status = RequestStatus.DENIED;
      approval.request.completedAt = now;
    }
  }

  private void provision(ScheduleRequest r, Instant at) {
    Instant end = r.grantedLength == null ? null : at.plus(r.grantedLength);
    if (r.type == ScheduleRequest.Type.ASSIGNMENT) {
      String type = r.action.equals("selfActivate") ? "Activated" : "Assigned";
      state.instances.add(new ActiveInstance(instanceId(r), r.targetScheduleId, r.principalId, r.target, type, at,
          end, r.id, false, r.createdAt));
    } else {
      state.eligibilities.add(new Eligibility(eligibilityId(r), r.targetScheduleId, r.principalId, r.target, at, end,
          r.id, r.createdAt));
    }
    r.status = RequestStatus.PROVISIONED;
    r.completedAt = at;
  }

  private static String instanceId(ScheduleRequest r) {
    return r.target.isGroup() ? PimIds.groupScheduleId(r.target, PimIds.newGuid())
        : PimIds.directoryAssignmentId(r.target.role(), r.principalId);
  }

  private static String eligibilityId(ScheduleRequest r) {
    return r.target.isGroup() ? PimIds.groupScheduleId(r.target, PimIds.newGuid())
        : PimIds.directoryEligibilityId(r.target.role(), r.principalId);
  }
}
