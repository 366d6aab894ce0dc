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
   * <p>What it needs (the README's table "The rights each strategy needs"): with {@code self}, the person an
   * eligible assignment covering the target, and for directory roles and groups a sign-in whose Graph token
   * carries the PIM scopes; with {@code broker}, the broker {@code Microsoft.Authorization/roleAssignments/write}
   * and {@code /delete} at the scope (Role Based Access Control Administrator with a condition, or User Access
   * Administrator) for Azure roles, the Graph application permissions {@code RoleManagement.ReadWrite.Directory}
   * for directory roles or {@code PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup} (and {@code Group.Read.All}
   * to find a group by name) for groups, and {@code RoleManagementPolicy.Read.Directory} /
   * {@code .AzureADGroup} to read the policy; with {@code rbac}, the broker the same ARM rights as for
   * {@code broker}. The elevated workload identity needs no standing right. {@code Directory.Read.All} only
   * names principals in the record (without it, their object id stands in).
   *
   * @throws InvalidElevationRequestException before anything is submitted, when the request cannot work
   * @throws ElevationException when the service refuses, an approver denies, or a deadline passes; whatever
   *     was submitted has been cancelled or revoked by then
   */
  ActiveElevation elevate(ElevationRequest request);

  /**
   * Elevates, performs the operation, revokes and returns the outcome with its record. Never throws for
   * failures of the lifecycle or the operation: they are in the outcome. It needs what {@link #elevate} needs,
   * plus whatever the operation itself does with the elevated identity.
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

  /**
   * Checks the request against the service's policy without submitting it (ARM validate / Graph
   * isValidationOnly). It needs the read rights {@link #elevate} needs; for {@code rbac}, the broker's
   * {@code Microsoft.Authorization/roleAssignments/write} is checked through the ARM permissions API.
   */
  ElevationOutcome validate(ElevationRequest request);

  /**
   * Revokes an elevation from its handle (the post step, {@code jit-elevate revoke}). Never revokes
   * anything the handle's run did not create. It needs the rights that created it: the person's own
   * eligibility ({@code self}: a self-deactivation), or the broker's write rights ({@code broker}, {@code rbac}:
   * {@code roleAssignments/delete}, {@code RoleManagement.ReadWrite.Directory},
   * {@code PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup}).
   */
  ActivationRecord revoke(RevocationHandle handle, ActivationRecord recordSoFar);

  /**
   * Ends the signed-in person's own activation of the request's target (PIM {@code SelfDeactivate} on ARM,
   * directory roles and groups), found by its target: one held by another process, or activated in the portal.
   * Inside PIM's minimum active duration it waits when the request says so, else refuses saying from when it can
   * be deactivated. It needs only the person's own eligibility.
   *
   * @return the record of the deactivation (its revocation says what happened)
   * @throws ElevationException ({@code INVALID_REQUEST}) when nothing is active for the target, only a standing
   *     assignment is, or it is too early and the request does not wait; the record, when any, is attached
   */
  ActivationRecord deactivate(DeactivationRequest request);

  /**
   * Finds and deletes rbac-strategy role assignments under the scope whose marked expiry has passed. It needs
   * the broker's {@code Microsoft.Authorization/roleAssignments/read} and {@code /delete} at the scope.
   */
  SweepReport sweep(ArmScope scope);

  /**
   * Lists the principal's eligible and active elevations. A person lists their own with no further right (ARM's
   * {@code asTarget()}, Graph's {@code filterByCurrentUser}); another principal's need
   * {@code Microsoft.Authorization/roleAssignments/read} and Graph's {@code RoleManagement.Read.Directory} and
   * {@code PrivilegedAccess.Read.AzureADGroup}. A surface it may not read is skipped with a warning.
   */
  StatusReport status(java.util.Optional<PrincipalId> principal);
}
