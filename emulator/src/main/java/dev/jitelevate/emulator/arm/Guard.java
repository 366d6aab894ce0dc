package dev.jitelevate.emulator.arm;

/** Authorises a caller's ARM action at the call's scope with its own (propagated) role assignments. */
final class Guard {
  private final RbacEvaluator rbac;
  private final Principals principals;

  Guard(RbacEvaluator rbac, Principals principals) {
    this.rbac = rbac;
    this.principals = principals;
  }

  /**
   * Checks the caller holds the action at the call's scope.
   *
   * @throws ArmException 403 {@code AuthorizationFailed} with ARM's message
   */
  void require(ArmCall call, String action) {
    require(call, call.scope(), action);
  }

  void require(ArmCall call, ArmScope scope, String action) {
    if (!rbac.holds(call.identities(), scope, action)) {
      String client = principals.find(call.callerId()).map(Principals.DirectoryObject::clientName).orElse(call.callerId());
      throw ArmErrors.authorizationFailed(client, call.callerId(), action, scope.path());
    }
  }
}
