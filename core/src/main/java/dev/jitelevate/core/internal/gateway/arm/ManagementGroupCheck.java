package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.util.Context;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.AccessCheck;
import dev.jitelevate.core.internal.gateway.OData;
import dev.jitelevate.core.internal.gateway.Refusal;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ResolvedTarget.RoleActions;
import java.util.Locale;

/**
 * The effectiveness check at a management group, which has no permissions API. ARM answers a role assignment
 * list only to a caller holding {@code Microsoft.Authorization/roleAssignments/read} at the scope, and checks
 * that before it looks at the filter (not even {@code assignedTo('{self}')} helps). So a role that grants the
 * read is proven by the identity seeing its own assignment (a 403 before that is "not yet"); a role that does
 * not is shown by what needs no such permission: the identity's own PIM instance listed with
 * {@code $filter=asTarget()}, which proves the activation, not ARM's propagation of it.
 */
final class ManagementGroupCheck {
  static final String ASSIGNMENTS_READ = "Microsoft.Authorization/roleAssignments/read";
  private static final String MANAGEMENT_GROUPS = "/providers/microsoft.management/managementgroups/";

  /** How an elevation at a management group is shown to be in place. */
  enum Proof {
    /** The identity lists role assignments at the scope and sees its own: its role grants the read. */
    ASSIGNMENT_VISIBLE,
    /** The identity cannot read role assignments there; its own active PIM instance is listed instead. */
    OWN_INSTANCE
  }

  private ManagementGroupCheck() {}

  static boolean appliesTo(String scope) {
    return scope.toLowerCase(Locale.ROOT).startsWith(MANAGEMENT_GROUPS);
  }

  /** Which proof the role allows: the assignment list when its actions grant the read, else the own instance. */
  static Proof proofFor(RoleActions role) {
    boolean granted = role.actions().stream().anyMatch(p -> EffectiveAccess.matches(p, ASSIGNMENTS_READ))
        && role.notActions().stream().noneMatch(p -> EffectiveAccess.matches(p, ASSIGNMENTS_READ));
    return granted ? Proof.ASSIGNMENT_VISIBLE : Proof.OWN_INSTANCE;
  }

  /**
   * Whether {@code client} sees {@code principal}'s assignment of the role covering the scope; ARM's 403 (the
   * read the role grants has not propagated yet) is "not yet", not a failure.
   */
  static AccessCheck assignmentVisible(ArmClient client, ResolvedTarget target, PrincipalId principal, String who) {
    String filter = "assignedTo(" + OData.literal(principal.value()) + ")";
    boolean visible;
    try {
      visible = client.call("roleAssignments.list", () -> client.sdk().getRoleAssignments()
          .listForScope(ArmScopes.arg(target.scope()), filter, null, null, Context.NONE).stream()
          .anyMatch(a -> ArmScopes.sameRole(a.roleDefinitionId(), target.roleDefinitionId().orElse(""))
              && ArmScopes.covers(a.scope(), target.scope())));
    } catch (ElevationException e) {
      if (Refusal.FORBIDDEN.matches(e)) {
        return AccessCheck.notYet("ARM still refuses " + who + " the role assignments at " + target.scope()
            + " (" + e.getMessage() + ")");
      }
      throw e;
    }
    return visible ? AccessCheck.effective("the role assignment at " + target.scope() + " is visible to " + who)
        : AccessCheck.notYet("no assignment of " + target.roleName() + " at " + target.scope() + " is visible to "
            + who + " yet");
  }

  /**
   * Whether the identity's own active PIM instance of the role at the scope is listed to it with
   * {@code asTarget()}, which needs no permission at the scope.
   */
  static AccessCheck ownInstanceListed(ArmClient elevated, ResolvedTarget target, PrincipalId principal) {
    boolean listed = elevated.call("roleAssignmentScheduleInstances.list", () -> elevated.sdk()
        .getRoleAssignmentScheduleInstances().listForScope(ArmScopes.arg(target.scope()), "asTarget()", Context.NONE)
        .stream()
        .anyMatch(i -> principal.value().equalsIgnoreCase(i.principalId())
            && ArmScopes.sameRole(i.roleDefinitionId(), target.roleDefinitionId().orElse(""))
            && ArmScopes.covers(i.scope(), target.scope())));
    return listed
        ? AccessCheck.effective("PIM lists the identity's own active instance of " + target.roleName() + " at "
            + target.scope() + " (management groups have no permissions API and the role does not grant "
            + ASSIGNMENTS_READ + ", so this proves the activation, not its propagation)")
        : AccessCheck.notYet("PIM does not list the identity's own active instance of " + target.roleName() + " at "
            + target.scope() + " yet");
  }
}
