package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.Set;

/** The scope and principal semantics of ARM list filters, shared by every list endpoint. */
final class ScopeFilter {
  private final ArmState state;
  private final Principals principals;

  ScopeFilter(ArmState state, Principals principals) {
    this.state = state;
    this.principals = principals;
  }

  /**
   * Whether an item at {@code itemScope} for {@code principalId} belongs in a list at the call's scope.
   * No filter: at, above or below the scope. {@code atScope()}: at or above. {@code principalId eq}: at,
   * above or below, for that principal. {@code assignedTo('id')}: that principal or its groups.
   * {@code asTarget()}: the caller or its groups.
   */
  boolean matches(ArmCall call, ODataFilter filter, ArmScope itemScope, String principalId, String roleGuid) {
    boolean scopeOk = filter.has("atscope()")
        ? state.topology.covers(itemScope, call.scope())
        : state.topology.related(itemScope, call.scope());
    if (!scopeOk) {
      return false;
    }
    if (filter.value("principalid").map(p -> !p.equalsIgnoreCase(principalId)).orElse(false)) {
      return false;
    }
    if (filter.has("assignedto()")) {
      Set<String> ids = principals.identities(filter.value("assignedto()").orElse(""));
      if (!ids.contains(ArmState.key(principalId))) {
        return false;
      }
    }
    if (filter.has("astarget()") && !call.identities().contains(ArmState.key(principalId))) {
      return false;
    }
    return filter.value("roledefinitionid").map(r -> r.substring(r.lastIndexOf('/') + 1).equalsIgnoreCase(roleGuid)).orElse(true);
  }
}
