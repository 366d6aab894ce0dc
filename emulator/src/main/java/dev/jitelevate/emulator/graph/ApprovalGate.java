package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Opens approvals for requests whose policy demands one and lets approvers decide them. The approval id is the
 * request id (as for PIM for Groups); there is one stage, whose approvers are the policy's primary approvers.
 */
final class ApprovalGate {
  private final PimState state;
  private final EmulatorContext context;

  ApprovalGate(PimState state, EmulatorContext context) {
    this.state = state;
    this.context = context;
  }

  void open(ScheduleRequest r, RoleManagementPolicy policy, Instant now) {
    Set<String> approvers = new HashSet<>();
    for (Map.Entry<String, Boolean> approver : policy.approvers().entrySet()) {
      approvers.add((approver.getValue() ? "group:" : "") + approver.getKey().toLowerCase(Locale.ROOT));
    }
    r.approvalId = r.id;
    state.approvals.put(r.id, new Approval(r.id, PimIds.newGuid(), r, approvers,
        policy.approverJustificationRequired(), now));
  }

  /** Whether a principal is one of the approval's approvers (directly or through a group). */
  boolean isApprover(Approval approval, String principalId) {
    String id = principalId.toLowerCase(Locale.ROOT);
    if (approval.approverIds.contains(id)) {
      return true;
    }
    Directory directory = context.require(Directory.class);
    return approval.approverIds.stream().filter(a -> a.startsWith("group:"))
        .map(a -> a.substring("group:".length()))
        .anyMatch(g -> directory.group(g).map(group -> group.members().stream()
            .anyMatch(m -> m.equalsIgnoreCase(id))).orElse(false));
  }

  /**
   * Applies a delegated approver's PATCH of a stage/step.
   *
   * @throws GraphException 404 unknown approval or stage, 403 not an approver (or an app, or the requestor),
   *     409 stage already decided, 400 bad review result or missing approver justification
   */
  void decide(Approval approval, String stageId, Caller caller, String reviewResult, String justification,
      Provisioner provisioner) {
    if (!approval.stageId.equalsIgnoreCase(stageId)) {
      throw GraphException.pimNotFound("approval stage", stageId);
    }
    if (caller.isApp() || !isApprover(approval, caller.objectId())
        || approval.request.principalId.equalsIgnoreCase(caller.objectId())) {
      throw GraphException.denied();
    }
    boolean approve = parseReview(reviewResult);
    if (!approval.isOpen()) {
      throw new GraphException(409, "Conflict", "The approval stage '" + stageId + "' has already been completed ("
          + approval.outcome() + ").");
    }
    if (approval.justificationRequired && (justification == null || justification.isBlank())) {
      throw GraphException.invalidRequest("The approver's justification is required by the policy; send a"
          + " 'justification' with the review result.");
    }
    provisioner.decide(approval, approve, caller.objectId(), justification, context.clock().now());
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
