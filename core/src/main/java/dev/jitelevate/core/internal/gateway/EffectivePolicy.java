package dev.jitelevate.core.internal.gateway;

import java.time.Duration;
import java.util.List;

/**
 * The rules in force for activating or assigning a target.
 *
 * @param maximumActivation EndUser assignment maximum ({@code Expiration_EndUser_Assignment})
 * @param maximumAdminAssignment admin assignment maximum ({@code Expiration_Admin_Assignment})
 * @param requireJustification / requireTicket / requireMfa the enablement rules (EndUser or Admin, per strategy)
 * @param requireApproval whether activation needs an approver
 * @param approverIds who may approve
 * @param policyId the policy's id, for messages
 */
public record EffectivePolicy(
    Duration maximumActivation,
    Duration maximumAdminAssignment,
    boolean requireJustification,
    boolean requireTicket,
    boolean requireMfa,
    boolean requireApproval,
    List<String> approverIds,
    String policyId) {}
