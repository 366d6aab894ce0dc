package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.ApprovalStageSettings;
import dev.jitelevate.emulator.kernel.NotificationSetting;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scenario's policy entry for one role or group access. A directory role's defaults are Azure's default
 * directory-role policy (vector {@code graph_roleManagementPolicyAssignments_list_expandPolicyRules.json}):
 * activation up to {@code PT8H} with MFA and justification, no ticket, no approval; admin assignments up to
 * {@code P180D} with justification, eligibilities up to {@code P365D}, neither required to expire; the nine
 * notification rules at {@code All} to the default recipients; no authentication context
 * ({@code authenticationContext}: the Conditional Access context, e.g. {@code c1}, an activation's token must
 * carry); approval in one stage ({@code approvers}) or two in series ({@code approvalStages}). A PIM group's defaults are Azure's default group policy (vector
 * {@code graph_groups_roleManagementPolicyAssignments_list_expandPolicyRules.json}): activation up to {@code PT8H}
 * with justification only (no MFA), no approval; admin assignments up to {@code P180D} and eligibilities up to
 * {@code P365D}, both required to expire.
 */
record PolicySettings(String maximumDuration, boolean requireJustification, boolean requireTicket,
    boolean requireMfa, boolean requireApproval, List<List<String>> approvalStages, String adminAssignmentMaximumDuration,
    boolean allowPermanentActiveAssignment, boolean requireJustificationOnActiveAssignment,
    boolean requireMfaOnActiveAssignment, String authenticationContext, String eligibilityMaximumDuration,
    boolean allowPermanentEligibility, Map<String, NotificationSetting> notifications) {

  PolicySettings {
    approvalStages = List.copyOf(approvalStages);
    notifications = Map.copyOf(notifications);
    RequestSchedule.parseDuration(maximumDuration);
    RequestSchedule.parseDuration(adminAssignmentMaximumDuration);
    RequestSchedule.parseDuration(eligibilityMaximumDuration);
  }

  /** The scenario's setting for a notification rule, or Azure's default. */
  NotificationSetting notification(String ruleId) {
    return notifications.getOrDefault(ruleId, NotificationSetting.DEFAULT);
  }

  /** The rules {@code Enablement_Admin_Assignment} enables. */
  List<String> adminAssignmentEnablement() {
    List<String> enabled = new ArrayList<>();
    if (requireJustificationOnActiveAssignment) enabled.add("Justification");
    if (requireMfaOnActiveAssignment) enabled.add("MultiFactorAuthentication");
    return enabled;
  }

  /** Azure's default directory-role policy. */
  static PolicySettings directoryRoleDefaults() {
    return new PolicySettings("PT8H", true, false, true, false, List.of(List.of()), "P180D", true, true, false, "", "P365D",
        true, Map.of());
  }

  /** Azure's default policy for a PIM group's member or owner access. */
  static PolicySettings groupDefaults() {
    return new PolicySettings("PT8H", true, false, false, false, List.of(List.of()), "P180D", false, true, false, "", "P365D",
        false, Map.of());
  }

  /** Reads a scenario policy entry; absent fields keep the given defaults. */
  static PolicySettings from(JsonNode entry, PolicySettings d) {
    return new PolicySettings(
        entry.path("maximumDuration").asText(d.maximumDuration()),
        entry.path("requireJustification").asBoolean(d.requireJustification()),
        entry.path("requireTicket").asBoolean(d.requireTicket()),
        entry.path("requireMfa").asBoolean(d.requireMfa()),
        entry.path("requireApproval").asBoolean(d.requireApproval()),
        ApprovalStageSettings.from(entry),
        entry.path("adminAssignmentMaximumDuration").asText(d.adminAssignmentMaximumDuration()),
        entry.path("allowPermanentActiveAssignment").asBoolean(d.allowPermanentActiveAssignment()),
        entry.path("requireJustificationOnActiveAssignment").asBoolean(d.requireJustificationOnActiveAssignment()),
        entry.path("requireMfaOnActiveAssignment").asBoolean(d.requireMfaOnActiveAssignment()),
        entry.path("authenticationContext").asText(d.authenticationContext()),
        entry.path("eligibilityMaximumDuration").asText(d.eligibilityMaximumDuration()),
        entry.path("allowPermanentEligibility").asBoolean(d.allowPermanentEligibility()),
        NotificationSetting.from(entry.path("notifications")));
  }
}
