package dev.jitelevate.core;

/**
 * Elevates a principal just in time and takes the elevation away again. Thread-safe; build one with
 * {@link #builder()} and reuse it.
 *
 * <pre>{@code
 * try (ActiveElevation e = elevator.elevate(request)) {
 *   ... privileged work ...
 * } // revoked here, whatever happened
 * }</pre>
 */
public interface Elevator {

  static ElevatorBuilder builder() {
    return new ElevatorBuilder();
  }

  /**
   * Runs the lifecycle up to a verified, effective elevation: resolve, pre-check, submit, await, confirm,
   * verify propagation. Closing the returned elevation revokes it.
   *
   * @throws InvalidElevationRequestException before anything is submitted, when the request cannot work
   * @throws ElevationException when the service refuses, an approver denies, or a deadline passes; whatever
   *     was submitted has been cancelled or revoked by then
   */
  ActiveElevation elevate(ElevationRequest request);

  /**
   * Elevates, performs the operation, revokes and returns the outcome with its record. Never throws for
   * failures of the lifecycle or the operation: they are in the outcome.
   */
  ElevationOutcome run(ElevationRequest request, PrivilegedOperation operation);

  /**
   * Elevates to several targets as one, all-or-nothing: elevated in parallel and each verified; when one fails
   * (refused, denied, timed out, not propagated) the others are revoked once they have settled, and the first
   * failure is thrown with the later ones suppressed in it. One record with a section per target; the events
   * name their target.
   *
   * @param requests two or more requests for the same principal and strategy, each for a different target
   * @throws InvalidElevationRequestException before anything is submitted, when the requests cannot go together
   * @throws ElevationException the first failure, with the record attached; nothing of this call is active then
   */
  ActiveElevations elevateAll(java.util.List<ElevationRequest> requests);

  /**
   * Elevates to several targets as one ({@link #elevateAll}), performs the operation once all are active, revokes
   * them all (always) and returns the outcome with its one record. Never throws for failures of the lifecycle or
   * the operation: they are in the outcome.
   */
  ElevationOutcome runAll(java.util.List<ElevationRequest> requests, PrivilegedOperation operation);

  /** Checks each request against the service's policy without submitting anything; one record for them all. */
  ElevationOutcome validateAll(java.util.List<ElevationRequest> requests);

  /** Checks the request against the service's policy without submitting it (ARM validate / Graph isValidationOnly). */
  ElevationOutcome validate(ElevationRequest request);

  /**
   * Revokes an elevation from its handle (the post step, {@code jit-elevate revoke}). Never revokes
   * anything the handle's run did not create.
   */
  ActivationRecord revoke(RevocationHandle handle, ActivationRecord recordSoFar);

  /** Finds and deletes rbac-strategy role assignments under the scope whose marked expiry has passed. */
  SweepReport sweep(ArmScope scope);

  /** Lists the principal's eligible and active elevations. */
  StatusReport status(java.util.Optional<PrincipalId> principal);
}
