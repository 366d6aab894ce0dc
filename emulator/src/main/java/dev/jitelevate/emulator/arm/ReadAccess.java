package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.ODataFilter;

/**
 * Who may read PIM's ARM collections, as ARM decides it: a caller holding
 * {@code Microsoft.Authorization/roleAssignments/read} at the scope (through its own, propagated role assignments,
 * PIM-activated ones included) reads everything; any other caller must narrow the list to itself with
 * {@code $filter=asTarget()}, and reads one item only when it is the item's target and says so with the same
 * filter (azure-powershell#18163). Everyone else gets ARM's {@code 403 AuthorizationFailed}.
 */
final class ReadAccess {
  /** The action ARM's PIM docs name for reading schedules, instances and requests. */
  static final String READ = "Microsoft.Authorization/roleAssignments/read";

  private final Guard guard;

  ReadAccess(Guard guard) {
    this.guard = guard;
  }

  /**
   * Authorises a list at the call's scope.
   *
   * @throws ArmException 403 {@code AuthorizationFailed} when the caller lacks the read permission and the filter
   *     is not {@code asTarget()}
   */
  void requireList(ArmCall call, ODataFilter filter) {
    if (!filter.has("astarget()")) {
      guard.require(call, READ);
    }
  }

  /**
   * Authorises reading one item whose target is {@code principalId}: the caller holds the read permission, or it
   * is the target and the call carries {@code $filter=asTarget()}.
   *
   * @throws ArmException 403 {@code AuthorizationFailed} otherwise
   */
  void requireItem(ArmCall call, ODataFilter filter, String principalId) {
    if (filter.has("astarget()") && call.identities().contains(ArmState.key(principalId))) {
      return;
    }
    guard.require(call, READ);
  }
}
