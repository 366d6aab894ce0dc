package dev.jitelevate.core.internal.gateway.arm;

import com.azure.resourcemanager.authorization.fluent.models.RoleManagementPolicyAssignmentInner;
import com.azure.resourcemanager.authorization.fluent.models.RoleManagementPolicyInner;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyAssignmentListResult;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyRule;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.OData;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Finds the PIM policy in force for a role at a scope through {@code roleManagementPolicyAssignments} and
 * reads its rules. Which enablement rules apply depends on who requests: an application caller (a broker)
 * makes admin assignments, a person activates.
 */
final class PimPolicies {
  private static final String POLICIES = "/providers/microsoft.authorization/rolemanagementpolicies/";
  private static final String ASSIGNMENTS = "/providers/Microsoft.Authorization/roleManagementPolicyAssignments";
  /** The API version of the SDK's own policy calls. */
  private static final String PIM_API = "2020-10-01";

  private final ArmClient arm;
  private final Supplier<TokenClaims> caller;

  PimPolicies(ArmClient arm, Supplier<TokenClaims> caller) {
    this.arm = arm;
    this.caller = caller;
  }

  EffectivePolicy policy(ResolvedTarget target) {
    String role = target.roleDefinitionId().orElseThrow();
    List<RoleManagementPolicyAssignmentInner> assignments = covering(target, role, forRole(target.scope(), role));
    if (assignments.isEmpty()) {
      // The filter is not in the REST spec: should the service ever read the role's id differently, the whole
      // list still has the policy (the slow way, as before the filter).
      assignments = covering(target, role, all(target.scope()));
    }
    RoleManagementPolicyAssignmentInner assignment = assignments.stream()
        .max(Comparator.comparingInt(a -> a.scope() == null ? 0 : a.scope().length()))
        .orElseThrow(() -> new ElevationException(FailureKind.INVALID_REQUEST, "No PIM policy is assigned to "
            + target.roleName() + " at " + target.scope() + ". Check that PIM manages this scope, or use the rbac strategy."));
    boolean admin = !caller.get().isUser();
    return PolicyMapping.from(rules(assignment), assignment.policyId(), admin);
  }

  /**
   * The role's policy assignments at the scope, filtered by the service on the role
   * ({@code $filter=roleDefinitionId eq '…'}, as the Azure portal asks): without it ARM answers one assignment
   * per role that can be assigned there, hundreds of built-in roles each with its twenty-odd rules, and an
   * elevation read them all. The SDK's {@code listForScope} takes no filter (its spec lacks one:
   * Azure/azure-rest-api-specs#31995), so the request goes through the same pipeline directly.
   */
  private List<RoleManagementPolicyAssignmentInner> forRole(String scope, String role) {
    return arm.listFiltered("roleManagementPolicyAssignments.list", scope + ASSIGNMENTS, PIM_API,
        OData.eq("roleDefinitionId", role), RoleManagementPolicyAssignmentListResult::fromJson,
        RoleManagementPolicyAssignmentListResult::value, RoleManagementPolicyAssignmentListResult::nextLink);
  }

  private List<RoleManagementPolicyAssignmentInner> all(String scope) {
    return arm.call("roleManagementPolicyAssignments.list",
        () -> arm.sdk().getRoleManagementPolicyAssignments().listForScope(ArmScopes.arg(scope)).stream().toList());
  }

  private static List<RoleManagementPolicyAssignmentInner> covering(ResolvedTarget target, String role,
      List<RoleManagementPolicyAssignmentInner> assignments) {
    return assignments.stream()
        .filter(a -> ArmScopes.sameRole(a.roleDefinitionId(), role))
        .filter(a -> a.scope() == null || ArmScopes.covers(a.scope(), target.scope()))
        .toList();
  }

  /** The assignment's effective rules, or those of the policy it points at. */
  private List<RoleManagementPolicyRule> rules(RoleManagementPolicyAssignmentInner assignment) {
    if (assignment.effectiveRules() != null && !assignment.effectiveRules().isEmpty()) {
      return assignment.effectiveRules();
    }
    String policyId = assignment.policyId();
    int at = policyId.toLowerCase(Locale.ROOT).lastIndexOf(POLICIES);
    String scope = at < 0 ? assignment.scope() : policyId.substring(0, at);
    String name = ArmScopes.lastSegment(policyId);
    RoleManagementPolicyInner policy = arm.call("roleManagementPolicies.get",
        () -> arm.sdk().getRoleManagementPolicies().get(ArmScopes.arg(scope), name));
    return policy.effectiveRules() != null && !policy.effectiveRules().isEmpty() ? policy.effectiveRules() : policy.rules();
  }
}
