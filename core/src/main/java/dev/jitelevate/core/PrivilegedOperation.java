package dev.jitelevate.core;

import java.util.Optional;

/** Work done with the elevation. {@code KeyVaultSecretRotation} is one; any lambda is another. */
@FunctionalInterface
public interface PrivilegedOperation {

  /**
   * Does the work. Runs only after the elevation is verified effective (and after {@link #probe}'s probe
   * passed, when it supplies one).
   *
   * @throws Exception any failure; the elevation is revoked and the failure reported as OPERATION_FAILED
   */
  void perform(OperationContext context) throws Exception;

  /** A name for events and the record. */
  default String name() {
    return "operation";
  }

  /**
   * The Azure RBAC actions it needs: the verify step waits for these to show in ARM's permissions API. By
   * default none is declared, and the verify step checks the role's most specific action.
   */
  default RequiredAccess requiredAccess() {
    return RequiredAccess.none();
  }

  /** A data-plane probe that proves the role is effective for this operation, if it has one. */
  default Optional<AccessProbe> probe(OperationContext context) {
    return Optional.empty();
  }
}
