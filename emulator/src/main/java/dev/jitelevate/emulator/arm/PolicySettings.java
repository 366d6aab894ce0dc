package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.ApprovalStageSettings;
import dev.jitelevate.emulator.kernel.NotificationSetting;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings of a role management policy as the scenario expresses them ({@code arm.policies}).
 * Defaults follow {@code emulator/docs/scenario-format.md}; {@code authenticationContext} is the Conditional Access
 * authentication context an activation needs ({@code c1}…), blank for none; {@code notifications} the scenario's
 * notification rules by rule id; {@code approvalStages} each stage's approvers (one or two stages) (rules not named keep Azure's default: {@code All} to the default recipients).
 */
record PolicySettings(
    Duration maximumDuration,
    boolean requireJustification,
    boolean requireTicket,
    boolean requireMfa,
    boolean requireApproval,
    List<List<String>> approvalStages,
    Duration adminAssignmentMaximumDuration,
    boolean allowPermanentActiveAssignment,
    Duration adminEligibilityMaximumDuration,
    boolean allowPermanentEligibility,
    boolean requireMfaOnActiveAssignment,
    String authenticationContext,
    Map<String, NotificationSetting> notifications) {

  PolicySettings {
    approvalStages = List.copyOf(approvalStages);
    notifications = Map.copyOf(notifications);
  }

  /** The notification rule's setting: the scenario's, else Azure's default. */
  NotificationSetting notification(String ruleId) {
    return notifications.getOrDefault(ruleId, NotificationSetting.DEFAULT);
  }

  static PolicySettings defaults() {
    return new PolicySettings(Duration.ofHours(8), true, false, false, false, List.of(List.of()), Duration.ofDays(365), false,
        Duration.ofDays(365), false, false, "", Map.of());
  }

  /** Reads a scenario policy entry over the defaults. */
  static PolicySettings from(JsonNode node) {
    PolicySettings d = defaults();
    return new PolicySettings(
        duration(node, "maximumDuration", d.maximumDuration),
        node.path("requireJustification").asBoolean(d.requireJustification),
        node.path("requireTicket").asBoolean(d.requireTicket),
        node.path("requireMfa").asBoolean(d.requireMfa),
        node.path("requireApproval").asBoolean(d.requireApproval),
        ApprovalStageSettings.from(node),
        duration(node, "adminAssignmentMaximumDuration", d.adminAssignmentMaximumDuration),
        node.path("allowPermanentActiveAssignment").asBoolean(d.allowPermanentActiveAssignment),
        duration(node, "adminEligibilityMaximumDuration", d.adminEligibilityMaximumDuration),
        node.path("allowPermanentEligibility").asBoolean(d.allowPermanentEligibility),
        node.path("requireMfaOnActiveAssignment").asBoolean(d.requireMfaOnActiveAssignment),
        node.path("authenticationContext").asText(d.authenticationContext),
        NotificationSetting.from(node.path("notifications")));
  }

  private static Duration duration(JsonNode node, String field, Duration fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? fallback : IsoDurations.parse(value.asText(), field);
  }
}
