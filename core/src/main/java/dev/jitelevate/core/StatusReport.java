package dev.jitelevate.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A principal's elevations across ARM, directory roles and groups, in four kinds: eligible, active (with its end
 * and how it was granted), pending (requests waiting for approval, with who may approve them) and rbac leftovers
 * (plain role assignments the rbac strategy marked with an expiry).
 */
public record StatusReport(PrincipalId principal, List<Entry> eligible, List<Entry> active, List<Pending> pending,
    List<Leftover> leftovers) {

  /**
   * One eligibility or active elevation; surface is {@code arm}, {@code directory} or {@code group}; for an
   * active one {@code assignmentType} says how it was granted ({@code Activated} through PIM, or {@code Assigned}).
   */
  public record Entry(String surface, String role, String roleId, String scope, Optional<Instant> start,
      Optional<Instant> end, String assignmentType) {}

  /**
   * A request of the principal's that waits for an approver.
   *
   * @param surface {@code arm}, {@code directory} or {@code group}
   * @param role the role's (or group's) display name
   * @param roleId the role definition id, or for groups the access ({@code member}/{@code owner})
   * @param scope the ARM scope, directory scope id or group id
   * @param requestId the schedule request's id
   * @param duration how long was asked for, when bounded
   * @param created when it was asked
   * @param approvers who may approve (display name and object id), from the policy in force; empty when unknown
   */
  public record Pending(String surface, String role, String roleId, String scope, String requestId,
      Optional<Duration> duration, Instant created, List<String> approvers) {
    public Pending {
      approvers = List.copyOf(approvers);
    }
  }

  /**
   * A plain role assignment the rbac strategy left behind with its marked expiry ({@code sweep} removes it once
   * that has passed).
   *
   * @param role the role definition's display name or GUID
   * @param scope the ARM scope
   * @param assignmentId the assignment's full id
   * @param markedExpiry the expiry in the marker, when readable
   */
  public record Leftover(String role, String scope, String assignmentId, Optional<Instant> markedExpiry) {
    /** Whether the marked expiry has passed (a leftover without a readable one counts as expired). */
    public boolean expiredAt(Instant now) {
      return markedExpiry.map(e -> !e.isAfter(now)).orElse(true);
    }
  }

  public StatusReport {
    eligible = List.copyOf(eligible);
    active = List.copyOf(active);
    pending = List.copyOf(pending);
    leftovers = List.copyOf(leftovers);
  }

  /** Eligible and active elevations only (one surface's part, before pending requests and leftovers). */
  public StatusReport(PrincipalId principal, List<Entry> eligible, List<Entry> active) {
    this(principal, eligible, active, List.of(), List.of());
  }
}
