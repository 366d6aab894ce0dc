package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.AccessEvaluator;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Azure RBAC decisions from role assignments (standing and PIM-created). An assignment counts once it is
 * older than {@code Hazards.propagationDelay}; scenario assignments count at once (they are long established).
 */
final class RbacEvaluator implements AccessEvaluator {
  private final ArmState state;
  private final Principals principals;
  private final EmulatorContext context;
  private final Runnable tick;

  RbacEvaluator(ArmState state, Principals principals, EmulatorContext context, Runnable tick) {
    this.state = state;
    this.principals = principals;
    this.context = context;
    this.tick = tick;
  }

  @Override
  public boolean allowsAction(String principalId, String scope, String action) {
    return decide(principalId, scope, role -> role.grantsAction(action));
  }

  @Override
  public boolean allowsDataAction(String principalId, String scope, String dataAction) {
    return decide(principalId, scope, role -> role.grantsDataAction(dataAction));
  }

  private boolean decide(String principalId, String scope, java.util.function.Predicate<RoleDefinition> grants) {
    ArmScope target;
    try {
      target = ArmScope.parse(scope);
    } catch (ArmException malformed) {
      return false;
    }
    Set<String> identities = principals.identities(principalId);
    synchronized (state) {
      tick.run();
      return effectiveRoles(identities, target).stream().anyMatch(grants);
    }
  }

  /** The roles that apply to any of the identities at the scope now, one per effective assignment. Call under the lock. */
  List<RoleDefinition> effectiveRoles(Set<String> identities, ArmScope target) {
    Instant now = context.clock().now();
    Instant propagatedBefore = now.minus(context.hazards().propagationDelay());
    return state.roleAssignments.values().stream()
        .filter(ra -> identities.contains(ArmState.key(ra.principalId())))
        .filter(ra -> state.topology.covers(ra.scope(), target))
        .filter(ra -> ra.fromScenario() || !ra.createdOn().isAfter(propagatedBefore))
        .map(ra -> state.role(ra.roleGuid()).orElse(null))
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** Whether the identities hold the action at the scope now. Call under the lock. */
  boolean holds(Set<String> identities, ArmScope target, String action) {
    return effectiveRoles(identities, target).stream().anyMatch(r -> r.grantsAction(action));
  }
}
