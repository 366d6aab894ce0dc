package dev.jitelevate.core.internal.gateway.arm;

import com.azure.resourcemanager.authorization.models.ApprovalSettings;
import com.azure.resourcemanager.authorization.models.ApprovalStage;
import com.azure.resourcemanager.authorization.models.EnablementRules;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyApprovalRule;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyAuthenticationContextRule;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyEnablementRule;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyExpirationRule;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyRule;
import com.azure.resourcemanager.authorization.models.UserSet;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a PIM policy's rules into an {@link EffectivePolicy}: the EndUser and Admin assignment maximums, the
 * enablement rules of the side that applies (EndUser for activations, Admin for a broker's assignments) and
 * the EndUser approval rule with its approvers.
 */
final class PolicyMapping {
  static final String EXPIRATION_END_USER = "Expiration_EndUser_Assignment";
  static final String EXPIRATION_ADMIN = "Expiration_Admin_Assignment";
  static final String ENABLEMENT_END_USER = "Enablement_EndUser_Assignment";
  static final String ENABLEMENT_ADMIN = "Enablement_Admin_Assignment";
  static final String APPROVAL_END_USER = "Approval_EndUser_Assignment";

  private PolicyMapping() {}

  /**
   * Maps the rules.
   *
   * @param admin whether the requests will be admin assignments (broker) rather than activations (self)
   */
  static EffectivePolicy from(List<RoleManagementPolicyRule> rules, String policyId, boolean admin) {
    List<EnablementRules> enabled = enablement(rules, admin ? ENABLEMENT_ADMIN : ENABLEMENT_END_USER);
    Optional<ApprovalSettings> approval = rule(rules, APPROVAL_END_USER, RoleManagementPolicyApprovalRule.class)
        .map(RoleManagementPolicyApprovalRule::setting);
    boolean requireApproval = approval.map(a -> Boolean.TRUE.equals(a.isApprovalRequired())).orElse(false);
    return new EffectivePolicy(
        maximum(rules, EXPIRATION_END_USER),
        maximum(rules, EXPIRATION_ADMIN),
        enabled.contains(EnablementRules.JUSTIFICATION),
        enabled.contains(EnablementRules.TICKETING),
        enabled.contains(EnablementRules.MULTI_FACTOR_AUTHENTICATION),
        requireApproval,
        requireApproval ? approvers(approval.get()) : List.of(),
        policyId,
        rule(rules, EffectivePolicy.AUTHENTICATION_CONTEXT_RULE, RoleManagementPolicyAuthenticationContextRule.class)
            .filter(r -> Boolean.TRUE.equals(r.isEnabled())).map(RoleManagementPolicyAuthenticationContextRule::claimValue));
  }

  private static Duration maximum(List<RoleManagementPolicyRule> rules, String id) {
    return rule(rules, id, RoleManagementPolicyExpirationRule.class)
        .map(RoleManagementPolicyExpirationRule::maximumDuration)
        .flatMap(PolicyMapping::duration)
        .orElse(null);
  }

  private static Optional<Duration> duration(String iso) {
    try {
      return Optional.of(Duration.parse(iso));
    } catch (DateTimeParseException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static List<EnablementRules> enablement(List<RoleManagementPolicyRule> rules, String id) {
    return rule(rules, id, RoleManagementPolicyEnablementRule.class)
        .map(RoleManagementPolicyEnablementRule::enabledRules)
        .map(List::copyOf)
        .orElse(List.of());
  }

  private static List<String> approvers(ApprovalSettings settings) {
    List<String> ids = new ArrayList<>();
    for (ApprovalStage stage : settings.approvalStages() == null ? List.<ApprovalStage>of() : settings.approvalStages()) {
      for (UserSet approver : stage.primaryApprovers() == null ? List.<UserSet>of() : stage.primaryApprovers()) {
        if (approver.id() != null && !ids.contains(approver.id())) {
          ids.add(approver.id());
        }
      }
    }
    return List.copyOf(ids);
  }

  private static <R extends RoleManagementPolicyRule> Optional<R> rule(List<RoleManagementPolicyRule> rules, String id,
      Class<R> type) {
    return rules.stream().filter(r -> id.equalsIgnoreCase(r.id())).filter(type::isInstance).map(type::cast).findFirst();
  }
}
