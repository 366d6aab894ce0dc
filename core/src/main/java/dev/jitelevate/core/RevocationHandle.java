package dev.jitelevate.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to revoke one elevation later, from another process. Serialises to JSON for the
 * Action's state; holds ids only, never a secret.
 *
 * @param strategy how it was obtained
 * @param surface where it lives ({@code arm}, {@code directory} or {@code group} in the JSON)
 * @param principalId the elevated principal
 * @param roleDefinitionId resolved role definition id (ARM full id or directory template id); null for groups
 * @param scope ARM scope, directory scope id, or group id
 * @param groupAccess membership or ownership for groups, else null
 * @param requestId the schedule request (or role assignment, for rbac) this run created
 * @param assignmentId the role assignment / schedule instance id, when known
 * @param activatedAt when it became active (for the 5-minute floor)
 * @param expiresAt the server-side expiry
 * @param createdByThisRun false when the access already existed before the run: such a handle never revokes
 */
public record RevocationHandle(
    Strategy strategy,
    Surface surface,
    PrincipalId principalId,
    String roleDefinitionId,
    String scope,
    GroupAccess groupAccess,
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

  /** The service surface the elevation lives on. */
  public enum Surface {
    /** ARM: Azure roles (PIM schedule requests, or plain role assignments for the rbac strategy). */
    ARM,
    /** Graph PIM for directory roles. */
    DIRECTORY,
    /** Graph PIM for Groups. */
    GROUP;

    /** The handle's JSON value: {@code arm}, {@code directory} or {@code group}. */
    public String wireValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the handle's JSON value, or explains which values are allowed. */
    public static Surface parse(String text) {
      for (Surface s : values()) {
        if (s.wireValue().equals(text)) return s;
      }
      throw new InvalidElevationRequestException("handle", "'" + Text.printable(text) + "' is not a surface.",
          "Pass the revocation handle the elevation wrote (surface arm, directory or group).");
    }
  }
}
