package dev.jitelevate.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Several targets elevated as one: all of them or none, each verified as an {@link ActiveElevation} is. What the
 * set adds is one record with a section per target, the earliest expiry, and {@link #close()} revoking every target
 * in parallel.
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

  /** Each target's {@link ActiveElevation#handle()}, in the order the requests were given. */
  List<RevocationHandle> handles();

  /** One record for the whole set, with a section per target. */
  ActivationRecord record();

  /** The earliest of the targets' {@link ActiveElevation#expiresAt()}: the first expiry ends the set. */
  Instant expiresAt();

  /** The elevated identity's credentials, acquired once every target became effective. */
  CredentialSource elevatedIdentity();

  /**
   * {@link ActiveElevation#perform} under all the targets at once; they stay.
   *
   * @return the operation's failure, when it failed; empty when it succeeded
   * @throws IllegalStateException when the set was already closed or detached
   */
  Optional<ElevationException> perform(PrivilegedOperation operation);

  /** {@link ActiveElevation#detach()} for every target; revoke them later by their {@link #handles()}. */
  void detach();

  /**
   * Revokes every target, in parallel, and completes the one record.
   *
   * @throws ElevationException of kind {@link FailureKind#REVOKE_FAILED} when a revocation failed (the first; later
   *     ones suppressed in it); the record says which target
   */
  @Override
  void close();
}
