package dev.jitelevate.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to revoke one elevation later, from another process. Serialises to JSON for the
 * Action's state; holds ids only, never a secret.
 *
 * @param strategy how it was obtained
 * @param surface {@code arm}, {@code directory} or {@code group}
 * @param principalId the elevated principal
 * @param roleDefinitionId resolved role definition id (ARM full id or directory template id); null for groups
 * @param scope ARM scope, directory scope id, or group id
 * @param groupAccess {@code member}/{@code owner} for groups, else null
 * @param requestId the schedule request (or role assignment, for rbac) this run created
 * @param assignmentId the role assignment / schedule instance id, when known
 * @param activatedAt when it became active (for the 5-minute floor)
 * @param expiresAt the server-side expiry
 * @param createdByThisRun false when the access already existed before the run: such a handle never revokes
 */
public record RevocationHandle(
    Strategy strategy,
    String surface,
    PrincipalId principalId,
    String roleDefinitionId,
    String scope,
    String groupAccess,
    String requestId,
    Optional<String> assignmentId,
    Instant activatedAt,
    Instant expiresAt,
    boolean createdByThisRun) {

  public RevocationHandle {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(assignmentId, "assignmentId");
    Objects.requireNonNull(activatedAt, "activatedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
