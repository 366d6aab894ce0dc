package dev.jitelevate.emulator.arm;

import java.time.Instant;
import java.util.Set;

/**
 * A single-stage approval opened for a schedule request.
 *
 * @param id approval GUID
 * @param stageId the stage's GUID
 * @param requestName the schedule request waiting on it
 * @param approvers object ids of users or groups who may decide
 * @param createdAt when it opened
 * @param status {@code InProgress}, {@code Approved}, {@code Denied}, {@code TimedOut} or {@code Canceled}
 * @param reviewerId who decided, or null
 * @param reviewedAt when, or null
 * @param justification the approver's justification, or empty
 */
record Approval(
    String id,
    String stageId,
    String requestName,
    Set<String> approvers,
    Instant createdAt,
    String status,
    String reviewerId,
    Instant reviewedAt,
    String justification) {

  Approval {
    approvers = Set.copyOf(approvers);
  }

  static final String PREFIX = "/providers/Microsoft.Authorization/roleAssignmentApprovals/";

  String fullId() {
    return PREFIX + id;
  }

  Approval decided(String outcome, String reviewer, Instant at, String why) {
    return new Approval(id, stageId, requestName, approvers, createdAt, outcome, reviewer, at, why == null ? "" : why);
  }

  boolean inProgress() {
    return status.equals("InProgress");
  }

  String reviewResult() {
    return switch (status) {
      case "Approved" -> "Approve";
      case "Denied" -> "Deny";
      default -> "NotReviewed";
    };
  }

  String stageStatus() {
    return switch (status) {
      case "InProgress" -> "InProgress";
      case "TimedOut" -> "Expired";
      default -> "Completed";
    };
  }
}
