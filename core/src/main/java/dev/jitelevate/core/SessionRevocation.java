package dev.jitelevate.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What revoking a user's sign-in sessions (Graph {@code revokeSignInSessions}) did after an elevation ended.
 * Revoking sessions makes Entra refuse the user's refresh tokens issued before {@code at}, so no new access token
 * can be obtained from them; access tokens already issued stay valid until their {@code exp} (unless the resource
 * enforces Continuous Access Evaluation), so it does not move {@code accessMayPersistUntil}.
 *
 * @param at when it was asked for
 * @param status whether Graph accepted it
 * @param userId the user whose sessions it was for
 * @param detail why it failed (the Graph error code and request id, or what to grant), never a token
 */
public record SessionRevocation(Instant at, Status status, String userId, Optional<String> detail) {
  /** Whether the sessions were revoked; the record's JSON holds the constant's name. */
  public enum Status {
    /** Graph accepted it: refresh tokens issued before {@code at} are refused. */
    REVOKED,
    /** Graph refused or could not be reached: the sessions (and their refresh tokens) are still valid. */
    FAILED
  }

  public SessionRevocation {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(detail, "detail");
  }

  /** One line for people: what was done and what it does not do. */
  public String describe() {
    return status == Status.REVOKED
        ? "sign-in sessions of " + userId + " revoked at " + at + ": refresh tokens issued before are refused;"
            + " access tokens already issued stay valid until their exp (unless the resource enforces CAE)"
        : "revoking the sign-in sessions of " + userId + " failed" + detail.map(d -> ": " + d).orElse("");
  }
}
