package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Opens approvals for requests whose policy demands one and lets approvers decide them. The approval id is the
 * request id (as for PIM for Groups); it has one stage per policy stage (one or two), each with that stage's primary
 * approvers, decided in order: approving the last stage schedules the request, a denial at any stage denies it.
 */
final class ApprovalGate {
  private final PimState state;
  private final EmulatorContext context;

  ApprovalGate(PimState state, EmulatorContext context) {
    this.state = state;
    this.context = context;
  }

  void open(ScheduleRequest r, RoleManagementPolicy policy, Instant now) {
    List<ApprovalStage> stages = new ArrayList<>();
    int index = 0;
    for (Map<String, Boolean> stageApprovers : policy.stageApprovers()) {
      Set<String> approvers = new HashSet<>();
      for (Map.Entry<String, Boolean> approver : stageApprovers.entrySet()) {
        approvers.add((approver.getValue() ? "group:" : "") + approver.getKey().toLowerCase(Locale.ROOT));
      }
      stages.add(new ApprovalStage(PimIds.newGuid(), approvers, policy.approverJustificationRequired(index++)));
    }
    r.approvalId = r.id;
    state.approvals.put(r.id, new Approval(r.id, r, stages, now));
  }

  /** Whether a principal is an approver of the approval's stage in progress (directly or through a group). */
  boolean isApprover(Approval approval, String principalId) {
    return approval.current().map(s -> isApprover(s, principalId)).orElse(false);
  }

  /** Whether a principal is one of the stage's approvers (directly or through a group). */
  boolean isApprover(ApprovalStage stage, String principalId) {
    String id = principalId.toLowerCase(Locale.ROOT);
    if (stage.approverIds.contains(id)) {
      return true;
    }
    Directory directory = context.require(Directory.class);
    return stage.approverIds.stream().filter(a -> a.startsWith("group:"))
        .map(a -> a.substring("group:".length()))
        .anyMatch(g -> directory.group(g).map(group -> group.members().stream()
            .anyMatch(m -> m.equalsIgnoreCase(id))).orElse(false));
  }

  /**
   * Applies a delegated approver's PATCH of a stage/step.
   *
   * @throws GraphException 404 unknown approval or stage, 403 not an approver of that stage (or an app, or the
   *     requestor), 409 stage already decided or still waiting for the stage before it, 400 bad review result or
   *     missing approver justification
   */
  void decide(Approval approval, String stageId, Caller caller, String reviewResult, String justification,
      Provisioner provisioner) {
    ApprovalStage stage = approval.stage(stageId)
        .orElseThrow(() -> GraphException.pimNotFound("approval stage", stageId));
    if (caller.isApp() || !isApprover(stage, caller.objectId())
        || approval.request.principalId.equalsIgnoreCase(caller.objectId())) {
      throw GraphException.denied();
    }
    boolean approve = parseReview(reviewResult);
    if (ApprovalStage.INITIALIZING.equals(stage.status) && approval.isOpen()) {
      throw new GraphException(409, "Conflict", "The approval stage '" + stageId + "' is not in progress yet; the"
          + " stage before it must be approved first.");
    }
    if (!stage.isOpen()) {
      throw new GraphException(409, "Conflict", "The approval stage '" + stageId + "' has already been completed ("
          + approval.outcome() + ").");
    }
    if (stage.justificationRequired && (justification == null || justification.isBlank())) {
      throw GraphException.invalidRequest("The approver's justification is required by the policy; send a"
          + " 'justification' with the review result.");
    }
    provisioner.decide(approval, stage, approve, caller.objectId(), justification, context.clock().now());
  }

  private static boolean parseReview(String reviewResult) {
    if ("Approve".equalsIgnoreCase(reviewResult) || "Approved".equalsIgnoreCase(reviewResult)) {
      return true;
    }
    if ("Deny".equalsIgnoreCase(reviewResult) || "Denied".equalsIgnoreCase(reviewResult)) {
      return false;
    }
    throw GraphException.invalidRequest("Invalid value '" + reviewResult + "' for 'reviewResult'; expected Approve"
        + " or Deny.");
  }
}
