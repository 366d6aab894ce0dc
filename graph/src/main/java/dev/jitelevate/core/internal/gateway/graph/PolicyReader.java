package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.GroupMembers;
import com.microsoft.graph.models.SingleUser;
import com.microsoft.graph.models.SubjectSet;
import com.microsoft.graph.models.UnifiedApprovalStage;
import com.microsoft.graph.models.UnifiedRoleManagementPolicy;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyApprovalRule;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyAuthenticationContextRule;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyEnablementRule;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyExpirationRule;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyRule;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Graph role management policy's rules into an {@link EffectivePolicy}: the expiration rules
 * ({@code Expiration_EndUser_Assignment}, {@code Expiration_Admin_Assignment}), the enablement rules of the
 * caller's side ({@code Enablement_EndUser_Assignment} for people activating, {@code Enablement_Admin_Assignment}
 * for applications assigning), and the approval rule with its approvers.
 */
final class PolicyReader {
  static final String EXPIRATION_END_USER = "Expiration_EndUser_Assignment";
  static final String EXPIRATION_ADMIN = "Expiration_Admin_Assignment";
  static final String ENABLEMENT_END_USER = "Enablement_EndUser_Assignment";
  static final String ENABLEMENT_ADMIN = "Enablement_Admin_Assignment";
  static final String APPROVAL_END_USER = "Approval_EndUser_Assignment";

  private PolicyReader() {}

  /** The policy's rules as the lifecycle needs them; {@code admin} picks the admin enablement rule. */
  static EffectivePolicy read(UnifiedRoleManagementPolicy policy, boolean admin) {
    List<UnifiedRoleManagementPolicyRule> rules = policy.getRules() == null ? List.of() : policy.getRules();
    List<String> enabled = rule(rules, admin ? ENABLEMENT_ADMIN : ENABLEMENT_END_USER,
        UnifiedRoleManagementPolicyEnablementRule.class)
        .map(r -> r.getEnabledRules() == null ? List.<String>of() : r.getEnabledRules()).orElse(List.of());
    Optional<UnifiedRoleManagementPolicyApprovalRule> approval = rule(rules, APPROVAL_END_USER,
        UnifiedRoleManagementPolicyApprovalRule.class);
    boolean approvalRequired = approval.map(a -> a.getSetting() != null
        && Boolean.TRUE.equals(a.getSetting().getIsApprovalRequired())).orElse(false);
    return new EffectivePolicy(maximum(rules, EXPIRATION_END_USER), maximum(rules, EXPIRATION_ADMIN),
        has(enabled, "Justification"), has(enabled, "Ticketing"), has(enabled, "MultiFactorAuthentication"),
        approvalRequired, approvalRequired ? approvers(approval.get()) : List.of(),
        policy.getId() == null ? "" : policy.getId(),
        rule(rules, EffectivePolicy.AUTHENTICATION_CONTEXT_RULE, UnifiedRoleManagementPolicyAuthenticationContextRule.class)
            .filter(r -> Boolean.TRUE.equals(r.getIsEnabled()))
            .map(UnifiedRoleManagementPolicyAuthenticationContextRule::getClaimValue));
  }

  /** The rule's maximum, or null when the rule is missing or does not require an expiration. */
  private static Duration maximum(List<UnifiedRoleManagementPolicyRule> rules, String id) {
    return rule(rules, id, UnifiedRoleManagementPolicyExpirationRule.class)
        .filter(r -> !Boolean.FALSE.equals(r.getIsExpirationRequired()))
        .flatMap(r -> GraphRequest.durationOf(r.getMaximumDuration()))
        .orElse(null);
  }

  private static <R extends UnifiedRoleManagementPolicyRule> Optional<R> rule(List<UnifiedRoleManagementPolicyRule> rules,
      String id, Class<R> type) {
    return rules.stream().filter(r -> id.equalsIgnoreCase(r.getId())).filter(type::isInstance).map(type::cast)
        .findFirst();
  }

  private static boolean has(List<String> enabled, String name) {
    return enabled.stream().anyMatch(name::equalsIgnoreCase);
  }

  private static List<String> approvers(UnifiedRoleManagementPolicyApprovalRule rule) {
    List<String> ids = new ArrayList<>();
    List<UnifiedApprovalStage> stages = rule.getSetting().getApprovalStages();
    for (UnifiedApprovalStage stage : stages == null ? List.<UnifiedApprovalStage>of() : stages) {
      for (SubjectSet subject : stage.getPrimaryApprovers() == null ? List.<SubjectSet>of() : stage.getPrimaryApprovers()) {
        if (subject instanceof SingleUser user && user.getUserId() != null) {
          ids.add(user.getUserId());
        } else if (subject instanceof GroupMembers group && group.getGroupId() != null) {
          ids.add(group.getGroupId());
        }
      }
    }
    return List.copyOf(ids);
  }
}
