package dev.jitelevate.emulator.graph;

import java.time.Instant;
import java.util.Set;

/**
 * The approval of one request with its single stage (Graph's approval + approvalStage / approvalStep).
 * Guarded by the {@link PimState} lock.
 */
final class Approval {
  static final String IN_PROGRESS = "InProgress";
  static final String COMPLETED = "Completed";
  static final String EXPIRED = "Expired";

  final String id;
  final String stageId;
  final ScheduleRequest request;
  final Set<String> approverIds;
  final boolean justificationRequired;
  final Instant createdAt;
  String stageStatus = IN_PROGRESS;
  String reviewResult = "NotReviewed";
  String reviewedBy;
  Instant reviewedAt;
  String reviewJustification;

  Approval(String id, String stageId, ScheduleRequest request, Set<String> approverIds,
      boolean justificationRequired, Instant createdAt) {
    this.id = id;
    this.stageId = stageId;
    this.request = request;
    this.approverIds = Set.copyOf(approverIds);
    this.justificationRequired = justificationRequired;
    this.createdAt = createdAt;
  }

  boolean isOpen() {
    return IN_PROGRESS.equals(stageStatus);
  }

  /** The kernel's view of the outcome: {@code InProgress}, {@code Approved}, {@code Denied} or {@code TimedOut}. */
  String outcome() {
    if (EXPIRED.equals(stageStatus)) {
      return "TimedOut";
    }
    return isOpen() ? IN_PROGRESS : reviewResult;
  }
}
