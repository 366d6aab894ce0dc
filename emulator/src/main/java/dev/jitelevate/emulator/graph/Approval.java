package dev.jitelevate.emulator.graph;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The approval of one request (Graph's approval) with its one or two stages, run in series. Guarded by the
 * {@link PimState} lock.
 */
final class Approval {
  final String id;
  final ScheduleRequest request;
  final Instant createdAt;
  final List<ApprovalStage> stages;

  /** Opens the approval: its first stage goes in progress at {@code createdAt}. */
  Approval(String id, ScheduleRequest request, List<ApprovalStage> stages, Instant createdAt) {
    this.id = id;
    this.request = request;
    this.stages = List.copyOf(stages);
    this.createdAt = createdAt;
    this.stages.get(0).open(createdAt);
  }

  /** The stage in progress, if any. */
  Optional<ApprovalStage> current() {
    return stages.stream().filter(ApprovalStage::isOpen).findFirst();
  }

  Optional<ApprovalStage> stage(String stageId) {
    return stages.stream().filter(s -> s.id.equalsIgnoreCase(stageId)).findFirst();
  }

  /** The stage after the given one, if any. */
  Optional<ApprovalStage> after(ApprovalStage stage) {
    int index = stages.indexOf(stage);
    return index + 1 < stages.size() ? Optional.of(stages.get(index + 1)) : Optional.empty();
  }

  boolean isOpen() {
    return current().isPresent();
  }

  /**
   * The kernel's view of the outcome: {@code InProgress}, {@code Approved} (every stage), {@code Denied},
   * {@code TimedOut}, or {@code NotReviewed} when cancelled.
   */
  String outcome() {
    if (stages.stream().anyMatch(s -> ApprovalStage.EXPIRED.equals(s.status))) {
      return "TimedOut";
    }
    if (isOpen()) {
      return ApprovalStage.IN_PROGRESS;
    }
    if (stages.stream().anyMatch(s -> "Denied".equals(s.reviewResult))) {
      return "Denied";
    }
    return stages.stream().allMatch(s -> "Approved".equals(s.reviewResult)) ? "Approved" : "NotReviewed";
  }
}
