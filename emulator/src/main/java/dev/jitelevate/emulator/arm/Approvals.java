package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Single-stage approvals of activation requests: opened by the engine, decided by an approver the policy
 * lists (directly or through a group), timed out after {@code Hazards.approvalStageTimeout}. Call under the
 * lock on {@link ArmState}.
 */
final class Approvals {
  private final ArmState state;
  private final Principals principals;
  private final EmulatorContext context;
  private final PimEngine engine;

  Approvals(ArmState state, Principals principals, EmulatorContext context, PimEngine engine) {
    this.state = state;
    this.principals = principals;
    this.context = context;
    this.engine = engine;
  }

  void open(ScheduleRequest request, Collection<String> approvers) {
    state.put(new Approval(request.approvalId(), UUID.randomUUID().toString(), request.spec().name(), Set.copyOf(approvers),
        request.spec().createdOn(), "InProgress", null, null, ""));
  }

  void expire(Instant now) {
    for (Approval approval : List.copyOf(state.approvals.values())) {
      if (approval.inProgress() && !approval.createdAt().plus(context.hazards().approvalStageTimeout()).isAfter(now)) {
        state.put(approval.decided("TimedOut", null, now, ""));
        requestOf(approval).ifPresent(r -> state.put(r.withStatus("TimedOut")));
      }
    }
  }

  /** Whether the principal may decide the approval (listed, or a member of a listed group, and not the requestor). */
  boolean isApprover(Approval approval, String principalId) {
    Set<String> ids = principals.identities(principalId);
    boolean listed = approval.approvers().stream().anyMatch(a -> ids.contains(ArmState.key(a)));
    boolean requestor = requestOf(approval).map(r -> r.spec().principalId().equalsIgnoreCase(principalId)).orElse(false);
    return listed && !requestor;
  }

  /**
   * Records an approver's decision and moves the request on.
   *
   * @throws ArmException 403 {@code ApproverNotAuthorized} when the principal may not decide, 400
   *     {@code ApprovalStageCompleted} when the stage was already decided, timed out or cancelled
   */
  Approval decide(Approval approval, boolean approve, String approverId, String justification, Instant now) {
    if (!approval.inProgress()) {
      throw ArmErrors.badRequest("ApprovalStageCompleted", "The approval stage '" + approval.stageId()
          + "' is no longer in progress (its approval is " + approval.status() + ").");
    }
    if (!isApprover(approval, approverId)) {
      throw new ArmException(403, "ApproverNotAuthorized", "The principal '" + approverId
          + "' is not an approver of approval '" + approval.id() + "'; requestors cannot approve their own requests.");
    }
    Approval decided = approval.decided(approve ? "Approved" : "Denied", approverId, now, justification);
    state.put(decided);
    requestOf(approval).ifPresent(r -> {
      if (approve) {
        engine.approved(r, now);
      } else {
        state.put(r.withStatus("Denied"));
      }
    });
    return decided;
  }

  void cancel(ScheduleRequest request, Instant now) {
    if (request.approvalId() != null) {
      state.approval(request.approvalId()).ifPresent(a -> state.put(a.decided("Canceled", null, now, "")));
    }
  }

  java.util.Optional<ScheduleRequest> requestOf(Approval approval) {
    return state.request(RequestKind.ASSIGNMENT, approval.requestName());
  }
}
