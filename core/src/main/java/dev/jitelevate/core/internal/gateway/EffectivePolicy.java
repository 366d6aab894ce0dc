package dev.jitelevate.core.internal.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rules in force for activating or assigning a target.
 *
 * @param maximumActivation EndUser assignment maximum ({@code Expiration_EndUser_Assignment})
 * @param maximumAdminAssignment admin assignment maximum ({@code Expiration_Admin_Assignment})
 * @param requireJustification / requireTicket / requireMfa the enablement rules (EndUser or Admin, per strategy)
 * @param requireApproval whether activation needs an approver
 * @param approverIds who may approve
 * @param policyId the policy's id, for messages
 * @param authenticationContext the Conditional Access authentication context ({@code acrs} value, e.g. {@code c1})
 *     an activation's token must carry ({@code AuthenticationContext_EndUser_Assignment}), when the rule is enabled
 */
public record EffectivePolicy(
    Duration maximumActivation,
    Duration maximumAdminAssignment,
    boolean requireJustification,
    boolean requireTicket,
    boolean requireMfa,
    boolean requireApproval,
    List<String> approverIds,
    String policyId,
    Optional<String> authenticationContext) {

  /** Rules without an authentication context. */
  public EffectivePolicy(Duration maximumActivation, Duration maximumAdminAssignment, boolean requireJustification,
      boolean requireTicket, boolean requireMfa, boolean requireApproval, List<String> approverIds, String policyId) {
    this(maximumActivation, maximumAdminAssignment, requireJustification, requireTicket, requireMfa, requireApproval,
        approverIds, policyId, Optional.empty());
  }

  public EffectivePolicy {
    authenticationContext = authenticationContext.filter(v -> !v.isBlank());
  }

  /** The rule's id on every surface. */
  public static final String AUTHENTICATION_CONTEXT_RULE = "AuthenticationContext_EndUser_Assignment";
}
