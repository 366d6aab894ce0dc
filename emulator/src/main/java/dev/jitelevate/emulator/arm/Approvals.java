package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Approvals of activation requests: opened by the engine with one stage per policy stage, each decided by an
 * approver that stage lists (directly or through a group), in order; each stage times out
 * {@code Hazards.approvalStageTimeout} after it went in progress. A denial or time-out at any stage ends the
 * request. Call under the lock on {@link ArmState}.
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

  void open(ScheduleRequest request, List<Set<String>> stageApprovers) {
    List<ApprovalStage> stages = new ArrayList<>();
    for (Set<String> approvers : stageApprovers) {
      ApprovalStage stage = ApprovalStage.waiting(UUID.randomUUID().toString(), approvers);
      stages.add(stages.isEmpty() ? stage.opened(request.spec().createdOn()) : stage);
    }
    state.put(new Approval(request.approvalId(), request.spec().name(), request.spec().createdOn(), stages));
  }

  void expire(Instant now) {
    for (Approval approval : List.copyOf(state.approvals.values())) {
      approval.current().filter(s -> !s.openedAt().plus(context.hazards().approvalStageTimeout()).isAfter(now))
          .ifPresent(stage -> {
            state.put(approval.with(stage.decided("TimedOut", null, now, "")));
            requestOf(approval).ifPresent(r -> state.put(r.withStatus("TimedOut")));
          });
    }
  }

  /** Whether the principal may decide the approval's stage in progress. */
  boolean isApprover(Approval approval, String principalId) {
    return approval.current().map(s -> isApprover(approval, s, principalId)).orElse(false);
  }

  /** Whether the principal is listed on the stage (or a member of a listed group) and is not the requestor. */
  boolean isApprover(Approval approval, ApprovalStage stage, String principalId) {
    Set<String> ids = principals.identities(principalId);
    boolean listed = stage.approvers().stream().anyMatch(a -> ids.contains(ArmState.key(a)));
    boolean requestor = requestOf(approval).map(r -> r.spec().principalId().equalsIgnoreCase(principalId)).orElse(false);
    return listed && !requestor;
  }

  /** Whether the principal is an approver of any stage, decided or not (who may read the approval). */
  boolean isAnyApprover(Approval approval, String principalId) {
    return approval.stages().stream().anyMatch(s -> isApprover(approval, s, principalId));
  }

  /** Decides the stage in progress (the kernel's approver path). */
  Approval decide(Approval approval, boolean approve, String approverId, String justification, Instant now) {
    ApprovalStage stage = approval.current().orElseThrow(() -> completed(approval, approval.stages().get(0)));
    return decide(approval, stage, approve, approverId, justification, now);
  }

  /**
   * Records an approver's decision on a stage and moves the request on: to the next stage, to provisioning
   * after the last stage, or to {@code Denied}.
   *
   * @throws ArmException 403 {@code ApproverNotAuthorized} when the principal may not decide the stage, 400
   *     {@code ApprovalStageCompleted} when the stage is not in progress (decided, timed out, cancelled, or still
   *     waiting for an earlier stage)
   */
  Approval decide(Approval approval, ApprovalStage stage, boolean approve, String approverId, String justification,
      Instant now) {
    if (!stage.inProgress()) {
      throw completed(approval, stage);
    }
    if (!isApprover(approval, stage, approverId)) {
      throw new ArmException(403, "ApproverNotAuthorized", "The principal '" + approverId + "' is not an approver of"
          + " stage " + approval.number(stage) + " of approval '" + approval.id()
          + "'; requestors cannot approve their own requests.");
    }
    Approval decided = approval.with(stage.decided(approve ? "Approved" : "Denied", approverId, now, justification));
    Optional<ApprovalStage> next = approve ? decided.after(stage) : Optional.empty();
    if (next.isPresent()) {
      decided = decided.with(next.get().opened(now));
    }
    state.put(decided);
    boolean finished = next.isEmpty();
    requestOf(approval).filter(r -> finished).ifPresent(r -> {
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
      state.approval(request.approvalId()).ifPresent(a -> a.current()
          .ifPresent(s -> state.put(a.with(s.decided("Canceled", null, now, "")))));
    }
  }

  Optional<ScheduleRequest> requestOf(Approval approval) {
    return state.request(RequestKind.ASSIGNMENT, approval.requestName());
  }

  private static ArmException completed(Approval approval, ApprovalStage stage) {
    String why = stage.status().equals("Initializing") ? "waits for the stage before it to be approved"
        : "is no longer in progress (its approval is " + approval.status() + ")";
    return ArmErrors.badRequest("ApprovalStageCompleted", "The approval stage '" + stage.id() + "' " + why + ".");
  }
}
