package dev.jitelevate.emulator.graph;

import java.time.Instant;
import java.util.Set;

/**
 * One stage of an approval (Graph's approvalStage / beta approvalStep). Stages run in order: the first opens with
 * the approval, a later one stays {@code Initializing} (assigned to nobody) until the one before it is approved.
 * Guarded by the {@link PimState} lock.
 */
final class ApprovalStage {
  static final String INITIALIZING = "Initializing";
  static final String IN_PROGRESS = "InProgress";
  static final String COMPLETED = "Completed";
  static final String EXPIRED = "Expired";

  final String id;
  final Set<String> approverIds;
  final boolean justificationRequired;
  String status = INITIALIZING;
  Instant openedAt;
  String reviewResult = "NotReviewed";
  String reviewedBy;
  Instant reviewedAt;
  String reviewJustification;

  /**
   * @param approverIds lower-case user ids, and {@code group:}-prefixed group ids
   */
  ApprovalStage(String id, Set<String> approverIds, boolean justificationRequired) {
    this.id = id;
    this.approverIds = Set.copyOf(approverIds);
    this.justificationRequired = justificationRequired;
  }

  boolean isOpen() {
    return IN_PROGRESS.equals(status);
  }

  void open(Instant at) {
    status = IN_PROGRESS;
    openedAt = at;
  }

  void decide(boolean approve, String approverId, String justification, Instant at) {
    status = COMPLETED;
    reviewResult = approve ? "Approved" : "Denied";
    reviewedBy = approverId;
    reviewedAt = at;
    reviewJustification = justification;
  }
}
