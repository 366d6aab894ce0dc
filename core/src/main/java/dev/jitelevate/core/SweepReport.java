package dev.jitelevate.core;

import java.util.List;

/** What a sweep found and removed: rbac-strategy role assignments whose marked expiry had passed. */
public record SweepReport(ArmScope scope, List<String> removedAssignmentIds, List<String> keptAssignmentIds) {
  public SweepReport {
    removedAssignmentIds = List.copyOf(removedAssignmentIds);
    keptAssignmentIds = List.copyOf(keptAssignmentIds);
  }
}
