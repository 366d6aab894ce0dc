package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.SessionRevocation;
import dev.jitelevate.core.SignInSessions;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code --revoke-sessions}: once the elevation is revoked, revokes the elevated user's sign-in sessions and puts
 * what happened into the record's exposure section. Only for a user whose access this run created and ended; it
 * runs last, because a person revoking their own sessions also ends the refresh token this command signed in with.
 */
final class RevokeSessionsAfter {
  private final boolean enabled;
  private final SignIn session;
  private final Console console;

  RevokeSessionsAfter(boolean enabled, SignIn session, Console console) {
    this.enabled = enabled;
    this.session = session;
    this.console = console;
  }

  /** The record, with {@code exposure.sessionsRevoked} when sessions were revoked or the attempt failed. */
  ActivationRecord apply(ActivationRecord record) {
    if (!enabled || record.exposure().isEmpty() || record.revocation().status() == ActivationRecord.RevocationStatus.PENDING) {
      return record;
    }
    boolean user = record.principal().type().map(t -> t.equalsIgnoreCase("User")).orElse(false);
    if (!user) {
      console.progress("!! --revoke-sessions: " + record.principal().id() + " is not a user ("
          + record.principal().type().orElse("unknown type") + "); service principals have no sign-in sessions to revoke.");
      return record;
    }
    SessionRevocation revocation = SignInSessions.using(session.cloud(), session.identity(), Clock.systemUTC())
        .revoke(PrincipalId.of(record.principal().id()));
    console.progress((revocation.status() == SessionRevocation.Status.REVOKED ? "ok " : "!! ") + revocation.describe());
    ActivationRecord.Exposure exposure = record.exposure().get();
    return record.withExposure(Optional.of(exposure.withSessionsRevoked(revocation)));
  }
}
