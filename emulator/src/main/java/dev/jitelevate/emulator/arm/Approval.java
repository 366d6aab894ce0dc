package dev.jitelevate.emulator.arm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The approval opened for a schedule request: one stage, or two run in series ({@code approvalMode Serial}).
 *
 * @param id approval GUID
 * @param requestName the schedule request waiting on it
 * @param createdAt when it opened
 * @param stages its stages in order
 */
record Approval(String id, String requestName, Instant createdAt, List<ApprovalStage> stages) {

  Approval {
    stages = List.copyOf(stages);
  }

  static final String PREFIX = "/providers/Microsoft.Authorization/roleAssignmentApprovals/";

  String fullId() {
    return PREFIX + id;
  }

  /** The stage in progress, if any. */
  Optional<ApprovalStage> current() {
    return stages.stream().filter(ApprovalStage::inProgress).findFirst();
  }

  Optional<ApprovalStage> stage(String stageId) {
    return stages.stream().filter(s -> s.id().equalsIgnoreCase(stageId)).findFirst();
  }

  /** The approvers of the stage in progress (none once decided). */
  Set<String> approvers() {
    return current().map(ApprovalStage::approvers).orElse(Set.of());
  }

  /** The approval with one stage replaced (matched by id). */
  Approval with(ApprovalStage stage) {
    List<ApprovalStage> out = new ArrayList<>();
    stages.forEach(s -> out.add(s.id().equals(stage.id()) ? stage : s));
    return new Approval(id, requestName, createdAt, out);
  }

  /** The stage after the given one, if any. */
  Optional<ApprovalStage> after(ApprovalStage stage) {
    for (int i = 0; i < stages.size() - 1; i++) {
      if (stages.get(i).id().equals(stage.id())) {
        return Optional.of(stages.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /** 1-based position of a stage. */
  int number(ApprovalStage stage) {
    return stages.indexOf(stage) + 1;
  }

  /** The outcome: {@code InProgress}, {@code Approved} (every stage), {@code Denied}, {@code TimedOut} or {@code Canceled}. */
  String status() {
    for (String end : List.of("Denied", "TimedOut", "Canceled")) {
      if (stages.stream().anyMatch(s -> s.status().equals(end))) {
        return end;
      }
    }
    return stages.stream().allMatch(s -> s.status().equals("Approved")) ? "Approved" : "InProgress";
  }

  boolean inProgress() {
    return status().equals("InProgress");
  }
}
