package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.PlainRoleAssignments;

/**
 * Revokes a plain role assignment (rbac): it has no deactivation floor and no server-side expiry, so it is
 * deleted at once, whatever the revoke policy and however short the caller's budget (the shutdown hook's
 * included), through the plain role assignments port.
 */
final class AssignmentRemoval {
  private final StepTools tools;

  AssignmentRemoval(StepTools tools) {
    this.tools = tools;
  }

  void remove(RevokeOrder order) throws InterruptedException {
    RevocationHandle h = order.handle();
    try {
      if (!assignments(tools.surface()).removeAssignment(order.target(), h.requestId())) {
        RevokeStep.alreadyGone(tools);
      }
      RevokeStep.confirmGone(order, tools);
    } catch (ElevationException e) {
      throw RevokeStep.failed(order, tools, e);
    }
    RevokeStep.revoked(tools, "Removed by deleting role assignment " + h.requestId() + " and confirmed gone.");
  }

  /** The plain role assignments behind a surface opened for the rbac strategy. */
  static PlainRoleAssignments assignments(AccessSurface surface) {
    if (surface instanceof PlainRoleAssignments assignments) {
      return assignments;
    }
    throw new IllegalStateException(surface.getClass().getSimpleName() + " opened for the rbac strategy has no plain role assignments");
  }
}
