package dev.jitelevate.runner.approvals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A request waiting for the signed-in approver.
 *
 * @param surface where it waits
 * @param approvalId the id to approve or deny
 * @param requestId the schedule request's id
 * @param requesterId who asked (object id)
 * @param targetId the role definition id or group id
 * @param targetName the role's or group's display name, when the service gave it
 * @param scope the ARM scope, directory scope or the group's access (member/owner)
 * @param duration how long was asked for, when bounded
 * @param justification why
 * @param ticket the ticket number, when given
 * @param created when it was asked
 */
public record PendingApproval(Surface surface, String approvalId, String requestId, String requesterId,
    String targetId, Optional<String> targetName, String scope, Optional<Duration> duration, String justification, Optional<String> ticket,
    Instant created) {
  /** How long it has waited. */
  public Duration age(Instant now) {
    return Duration.between(created, now).isNegative() ? Duration.ZERO : Duration.between(created, now);
  }
}
