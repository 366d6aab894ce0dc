package dev.jitelevate.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Several targets elevated as one (all-or-nothing), each verified. {@link #close()} revokes them all, in parallel.
 *
 * <pre>{@code
 * try (ActiveElevations all = elevator.elevateAll(List.of(contributor, secretsOfficer))) {
 *   ... privileged work needing both ...
 * } // both revoked here, whatever happened
 * }</pre>
 */
public interface ActiveElevations extends AutoCloseable {

  /**
   * Each target's own elevation, in the order the requests were given: its handle and its own record (what
   * {@link Elevator#revoke} continues). Closing or detaching goes through this object, not through these.
   */
  List<ActiveElevation> elevations();

  /** What is needed to revoke each target later, in the order the requests were given. */
  List<RevocationHandle> handles();

  /** One record for the whole elevation, with a section per target. */
  ActivationRecord record();

  /** When the first of the targets' server-side expiries ends it at the latest. */
  Instant expiresAt();

  /** Credentials of the elevated identity, acquired after every target became effective. */
  CredentialSource elevatedIdentity();

  /**
   * Performs a privileged operation under all the targets and keeps them (its probe must pass first).
   *
   * @return the operation's failure, when it failed; empty when it succeeded
   * @throws IllegalStateException when the elevation was already closed or detached
   */
  Optional<ElevationException> perform(PrivilegedOperation operation);

  /** Leaves every target active beyond this process; revoke each later with {@link Elevator#revoke} and its handle. */
  void detach();

  /**
   * Revokes every target (in parallel) and completes the record.
   *
   * @throws ElevationException of kind {@link FailureKind#REVOKE_FAILED} when a revocation failed (the first; later
   *     ones suppressed in it); the record says which target and names the server-side expiry as the backstop
   */
  @Override
  void close();
}
