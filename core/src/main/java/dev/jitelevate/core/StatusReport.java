package dev.jitelevate.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A principal's eligible and active elevations across ARM, directory roles and groups. */
public record StatusReport(PrincipalId principal, List<Entry> eligible, List<Entry> active) {

  /** One eligibility or active elevation; surface is {@code arm}, {@code directory} or {@code group}. */
  public record Entry(String surface, String role, String roleId, String scope, Optional<Instant> start,
      Optional<Instant> end, String assignmentType) {}

  public StatusReport {
    eligible = List.copyOf(eligible);
    active = List.copyOf(active);
  }
}
