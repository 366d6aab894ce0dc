package dev.jitelevate.core.internal.gateway;

import java.util.List;

/**
 * The port for plain ARM role assignments (the rbac strategy's sweep): only the surface that has them
 * implements it, so no other surface carries methods it cannot serve.
 */
public interface PlainRoleAssignments {

  /**
   * Lists the plain role assignments at and below an ARM scope whose description carries a marker. Each
   * entry's {@code id} is the assignment's full id.
   */
  List<ActiveInstance> markedAssignments(String scope);

  /**
   * Deletes the plain role assignment of this name (a run names its assignment by its request id) at the
   * target's scope.
   *
   * @return false when there was none to delete (it was already removed)
   */
  boolean removeAssignment(ResolvedTarget target, String name);

  /**
   * Lists the principal's own plain role assignments, at every scope the caller can read, whose description
   * carries the rbac strategy's expiry marker.
   */
  List<dev.jitelevate.core.StatusReport.Leftover> leftovers(dev.jitelevate.core.PrincipalId principal);

  /** Deletes a plain role assignment by its full id. */
  void deleteAssignment(String assignmentId);
}
