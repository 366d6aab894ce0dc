package dev.jitelevate.runner.approvals;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Four eyes: an approver must not decide a request they made, nor one for a role, or a group access (member or
 * owner), they are eligible for or hold themselves.
 */
final class ConflictCheck {
  private final RestCalls arm;
  private final RestCalls graph;

  ConflictCheck(RestCalls arm, RestCalls graph) {
    this.arm = arm;
    this.graph = graph;
  }

  void requireIndependent(PendingApproval pending, String approverId) {
    if (pending.requesterId().equalsIgnoreCase(approverId)) {
      throw refused(pending, "you made this request");
    }
    boolean own = switch (pending.surface()) {
      case AZURE_ROLE -> holdsArm(pending, "roleEligibilitySchedules") || holdsArm(pending, "roleAssignmentSchedules");
      case DIRECTORY_ROLE -> holdsGraph(ApprovalDesk.DIRECTORY + "roleEligibilitySchedules", pending, "roleDefinitionId",
          "directoryScopeId", "/") || holdsGraph(ApprovalDesk.DIRECTORY + "roleAssignmentSchedules", pending,
          "roleDefinitionId", "directoryScopeId", "/");
      case GROUP -> holdsGraph(ApprovalDesk.GROUPS + "eligibilitySchedules", pending, "groupId", "accessId", "member")
          || holdsGraph(ApprovalDesk.GROUPS + "assignmentSchedules", pending, "groupId", "accessId", "member");
    };
    if (own) {
      throw refused(pending, "you are eligible for or hold " + (pending.surface() == Surface.GROUP
          ? "access to this group" : "this role") + " yourself");
    }
  }

  private boolean holdsArm(PendingApproval pending, String collection) {
    String path = pending.scope() + "/providers/Microsoft.Authorization/" + collection + "?api-version="
        + ApprovalDesk.PIM_API + "&$filter=asTarget()";
    return ApprovalDesk.pages(arm, path).stream().map(s -> s.path("properties"))
        .anyMatch(p -> sameId(p.path("roleDefinitionId"), pending.targetId()));
  }

  /**
   * The same role at the same directory scope, or the same group with the same access (member or owner: an owner
   * may approve a membership).
   */
  private boolean holdsGraph(String collection, PendingApproval pending, String target, String scopeField,
      String defaultScope) {
    return ApprovalDesk.pages(graph, collection + "/filterByCurrentUser(on='principal')").stream()
        .anyMatch(s -> sameId(s.path(target), pending.targetId())
            && s.path(scopeField).asText(defaultScope).equalsIgnoreCase(pending.scope()));
  }

  private static boolean sameId(JsonNode value, String id) {
    String v = value.asText("").toLowerCase(java.util.Locale.ROOT);
    String target = id.toLowerCase(java.util.Locale.ROOT);
    return !v.isEmpty() && (v.equals(target) || v.endsWith("/" + target) || target.endsWith("/" + v));
  }

  private static ApprovalException refused(PendingApproval pending, String why) {
    return new ApprovalException("ApproverNotIndependent", "You may not decide " + pending.surface().optionValue()
        + " request " + pending.requestId() + ": " + why + ". Ask another approver.", null);
  }
}
