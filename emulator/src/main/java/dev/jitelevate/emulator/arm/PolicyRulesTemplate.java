package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.ApprovalStageSettings;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.NotificationSetting;
import java.util.List;
import java.util.function.Function;

/** Builds the rule array of a role management policy from its settings, in the order ARM returns them. */
final class PolicyRulesTemplate {
  private PolicyRulesTemplate() {}

  /**
   * Renders the rules.
   *
   * @param settings the policy's settings
   * @param approverLabel for an approver id: {@code [description, userType]}
   */
  static ArrayNode rules(PolicySettings s, Function<String, String[]> approverLabel) {
    ArrayNode rules = Json.array();
    rules.add(enablement("Enablement_Admin_Eligibility", "Admin", "Eligibility"));
    rules.add(expiration("Expiration_Admin_Eligibility", "Admin", "Eligibility", !s.allowPermanentEligibility(),
        IsoDurations.format(s.adminEligibilityMaximumDuration())));
    notifications(rules, s, "Admin", "Admin_Eligibility", "Eligibility");
    rules.add(s.requireMfaOnActiveAssignment()
        ? enablement("Enablement_Admin_Assignment", "Admin", "Assignment", "MultiFactorAuthentication", "Justification")
        : enablement("Enablement_Admin_Assignment", "Admin", "Assignment", "Justification"));
    rules.add(expiration("Expiration_Admin_Assignment", "Admin", "Assignment", !s.allowPermanentActiveAssignment(),
        IsoDurations.format(s.adminAssignmentMaximumDuration())));
    notifications(rules, s, "Admin", "Admin_Assignment", "Assignment");
    rules.add(approval(s, approverLabel));
    ObjectNode authContext = rule("AuthenticationContext_EndUser_Assignment", "RoleManagementPolicyAuthenticationContextRule",
        "EndUser", "Assignment");
    authContext.put("isEnabled", !s.authenticationContext().isBlank()).put("claimValue", s.authenticationContext());
    rules.add(authContext);
    ObjectNode endUser = enablement("Enablement_EndUser_Assignment", "EndUser", "Assignment");
    ArrayNode enabled = (ArrayNode) endUser.get("enabledRules");
    if (s.requireMfa()) enabled.add("MultiFactorAuthentication");
    if (s.requireJustification()) enabled.add("Justification");
    if (s.requireTicket()) enabled.add("Ticketing");
    rules.add(endUser);
    rules.add(expiration("Expiration_EndUser_Assignment", "EndUser", "Assignment", true, IsoDurations.format(s.maximumDuration())));
    notifications(rules, s, "EndUser", "EndUser_Assignment", "Assignment");
    return rules;
  }

  private static ObjectNode approval(PolicySettings s, Function<String, String[]> approverLabel) {
    ObjectNode setting = Json.object();
    setting.put("isApprovalRequired", s.requireApproval()).put("isApprovalRequiredForExtension", false)
        .put("isRequestorJustificationRequired", true)
        .put("approvalMode", ApprovalStageSettings.mode(s.approvalStages().size()));
    ArrayNode stages = setting.putArray("approvalStages");
    for (List<String> stageApprovers : s.approvalStages()) {
      ObjectNode stage = stages.addObject();
      stage.put("approvalStageTimeOutInDays", 1).put("isApproverJustificationRequired", true).put("escalationTimeInMinutes", 0);
      ArrayNode approvers = stage.putArray("primaryApprovers");
      for (String id : stageApprovers) {
        String[] label = approverLabel.apply(id);
        approvers.addObject().put("id", id).put("description", label[0]).put("isBackup", false).put("userType", label[1]);
      }
      stage.put("isEscalationEnabled", false).putNull("escalationApprovers");
    }
    ObjectNode rule = rule("Approval_EndUser_Assignment", "RoleManagementPolicyApprovalRule", "EndUser", "Assignment");
    rule.set("setting", setting);
    return rule;
  }

  private static void notifications(ArrayNode rules, PolicySettings s, String caller, String suffix, String level) {
    for (String recipient : new String[] {"Admin", "Requestor", "Approver"}) {
      String id = "Notification_" + recipient + "_" + suffix;
      NotificationSetting setting = s.notification(id);
      ObjectNode rule = rule(id, "RoleManagementPolicyNotificationRule", caller, level);
      rule.put("notificationType", "Email").put("recipientType", recipient)
          .put("isDefaultRecipientsEnabled", setting.defaultRecipients())
          .put("notificationLevel", setting.notificationLevel());
      ArrayNode recipients = rule.putArray("notificationRecipients");
      setting.recipients().forEach(recipients::add);
      rules.add(rule);
    }
  }

  private static ObjectNode enablement(String id, String caller, String level, String... enabled) {
    ObjectNode rule = rule(id, "RoleManagementPolicyEnablementRule", caller, level);
    ArrayNode array = rule.putArray("enabledRules");
    for (String e : enabled) array.add(e);
    return rule;
  }

  private static ObjectNode expiration(String id, String caller, String level, boolean required, String max) {
    ObjectNode rule = rule(id, "RoleManagementPolicyExpirationRule", caller, level);
    rule.put("isExpirationRequired", required).put("maximumDuration", max).putNull("exceptionMembers");
    return rule;
  }

  private static ObjectNode rule(String id, String ruleType, String caller, String level) {
    ObjectNode rule = Json.object();
    rule.put("id", id).put("ruleType", ruleType);
    ObjectNode target = rule.putObject("target");
    target.put("caller", caller);
    target.putArray("operations").add("All");
    target.put("level", level).putNull("targetObjects").putNull("inheritableSettings").putNull("enforcedSettings");
    return rule;
  }
}
