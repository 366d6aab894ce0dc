package dev.jitelevate.emulator.arm;

import java.time.Instant;
import java.util.Set;

/**
 * One stage of an approval. Stages run in order: the first opens with the approval, a later one waits
 * ({@code Initializing}, assigned to nobody) until the one before it is approved.
 *
 * @param id the stage's GUID
 * @param approvers object ids of users or groups who may decide this stage
 * @param status {@code Initializing}, {@code InProgress}, {@code Approved}, {@code Denied}, {@code TimedOut} or
 *     {@code Canceled}
 * @param openedAt when the stage went in progress (its time-out counts from here), or null while initializing
 * @param reviewerId who decided, or null
 * @param reviewedAt when, or null
 * @param justification the approver's justification, or empty
 */
record ApprovalStage(String id, Set<String> approvers, String status, Instant openedAt, String reviewerId,
    Instant reviewedAt, String justification) {

  ApprovalStage {
    approvers = Set.copyOf(approvers);
  }

  static ApprovalStage waiting(String id, Set<String> approvers) {
    return new ApprovalStage(id, approvers, "Initializing", null, null, null, "");
  }

  ApprovalStage opened(Instant at) {
    return new ApprovalStage(id, approvers, "InProgress", at, null, null, "");
  }

  ApprovalStage decided(String outcome, String reviewer, Instant at, String why) {
    return new ApprovalStage(id, approvers, outcome, openedAt, reviewer, at, why == null ? "" : why);
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

  /** The stage status ARM reports: {@code Initializing}, {@code InProgress}, {@code Expired} or {@code Completed}. */
  String wireStatus() {
    return switch (status) {
      case "Initializing", "InProgress" -> status;
      case "TimedOut" -> "Expired";
      default -> "Completed";
    };
  }
}
