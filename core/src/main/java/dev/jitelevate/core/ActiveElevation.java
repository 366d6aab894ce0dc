package dev.jitelevate.core;

import java.time.Instant;
import java.util.Optional;

/**
 * A verified, effective elevation of one target. {@link #close()} revokes it (and confirms it is gone). Several
 * targets held as one are an {@link ActiveElevations}.
 */
public interface ActiveElevation extends AutoCloseable {

  /** What is needed to revoke it later, e.g. from another process (the Action's post step). */
  RevocationHandle handle();

  /** The record so far. */
  ActivationRecord record();

  /** When the server-side expiry ends it at the latest. */
  Instant expiresAt();

  /** Credentials of the elevated identity, acquired after the elevation became effective. */
  CredentialSource elevatedIdentity();

  /**
   * Performs a privileged operation under this elevation and keeps the elevation: the operation's own probe
   * must pass first (within the request's propagation timeout), then it runs, and the record notes it.
   *
   * @return the operation's failure, when it failed (also in {@link #record()}: its error and outcome); empty
   *     when it succeeded
   * @throws IllegalStateException when the elevation was already closed or detached
   */
  Optional<ElevationException> perform(PrivilegedOperation operation);

  /**
   * Leaves the elevation active beyond this process (the CLI's {@code elevate} without a command, the Action's
   * main step): the shutdown hook no longer revokes it and {@link #close()} does nothing. Revoke it later with
   * {@link Elevator#revoke} and its {@link #handle()}; the server-side expiry stays the backstop.
   */
  void detach();

  /**
   * Revokes, honouring the request's {@link RevokePolicy}, and completes the record.
   *
   * @throws ElevationException of kind {@link FailureKind#REVOKE_FAILED} when revocation failed; the record
   *     says so and names the server-side expiry as the backstop
   */
  @Override
  void close();
}
