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
