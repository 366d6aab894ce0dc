package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.NotificationSetting;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.ApprovalStageSettings;
import dev.jitelevate.emulator.kernel.Json;
import java.util.ArrayList;
import java.util.List;

/** Builds a policy's rules (Graph shape, {@code @odata.type} discriminators, the service's rule ids) from settings. */
final class PolicyRules {
  static final String TYPE_PREFIX = "#microsoft.graph.unifiedRoleManagementPolicy";

  private PolicyRules() {}

  /**
   * Returns the rules in the order the service lists them, each target's {@code operations} spelled as the
   * service spells them for the kind of policy ({@code all} for directory roles, {@code All} for groups).
   */
  static List<ObjectNode> build(PolicySettings s, List<List<ObjectNode>> approvers, String operation) {
    List<ObjectNode> rules = new ArrayList<>();
    rules.add(expiration("Expiration_Admin_Eligibility", "Admin", "Eligibility", !s.allowPermanentEligibility(),
        s.eligibilityMaximumDuration()));
    rules.add(enablement("Enablement_Admin_Eligibility", "Admin", "Eligibility", List.of()));
    notifications(rules, s, "Admin", "Admin_Eligibility", "Eligibility");
    rules.add(expiration("Expiration_Admin_Assignment", "Admin", "Assignment", !s.allowPermanentActiveAssignment(),
        s.adminAssignmentMaximumDuration()));
    rules.add(enablement("Enablement_Admin_Assignment", "Admin", "Assignment", s.adminAssignmentEnablement()));
    notifications(rules, s, "Admin", "Admin_Assignment", "Assignment");
    rules.add(expiration("Expiration_EndUser_Assignment", "EndUser", "Assignment", true, s.maximumDuration()));
    rules.add(enablement("Enablement_EndUser_Assignment", "EndUser", "Assignment", endUserEnablement(s)));
    rules.add(approval(s, approvers));
    rules.add(authenticationContext(s.authenticationContext()));
    notifications(rules, s, "EndUser", "EndUser_Assignment", "Assignment");
    rules.forEach(rule -> ((ObjectNode) rule.get("target")).putArray("operations").add(operation));
    return rules;
  }

  private static List<String> endUserEnablement(PolicySettings s) {
    List<String> enabled = new ArrayList<>();
    if (s.requireMfa()) enabled.add("MultiFactorAuthentication");
    if (s.requireJustification()) enabled.add("Justification");
    if (s.requireTicket()) enabled.add("Ticketing");
    return enabled;
  }

  private static ObjectNode rule(String type, String id, String caller, String level) {
    ObjectNode rule = Json.object();
    rule.put("@odata.type", TYPE_PREFIX + type);
    rule.put("id", id);
    ObjectNode target = Json.object();
    target.put("caller", caller);
    target.putArray("operations").add("all");
    target.put("level", level);
    target.putArray("inheritableSettings");
    target.putArray("enforcedSettings");
    rule.set("target", target);
    return rule;
  }

  private static ObjectNode expiration(String id, String caller, String level, boolean required, String max) {
    ObjectNode rule = rule("ExpirationRule", id, caller, level);
    rule.put("isExpirationRequired", required);
    rule.put("maximumDuration", max);
    return moveTargetLast(rule);
  }

  private static ObjectNode enablement(String id, String caller, String level, List<String> enabled) {
    ObjectNode rule = rule("EnablementRule", id, caller, level);
    ArrayNode array = rule.putArray("enabledRules");
    enabled.forEach(array::add);
    return moveTargetLast(rule);
  }

  private static void notifications(List<ObjectNode> rules, PolicySettings s, String caller, String suffix,
      String level) {
    for (String recipient : List.of("Admin", "Requestor", "Approver")) {
      String id = "Notification_" + recipient + "_" + suffix;
      NotificationSetting setting = s.notification(id);
      ObjectNode rule = rule("NotificationRule", id, caller, level);
      rule.put("notificationType", "Email");
      rule.put("recipientType", recipient);
      rule.put("notificationLevel", setting.notificationLevel());
      rule.put("isDefaultRecipientsEnabled", setting.defaultRecipients());
      ArrayNode recipients = rule.putArray("notificationRecipients");
      setting.recipients().forEach(recipients::add);
      rules.add(moveTargetLast(rule));
    }
  }

  private static ObjectNode approval(PolicySettings s, List<List<ObjectNode>> stageApprovers) {
    ObjectNode rule = rule("ApprovalRule", "Approval_EndUser_Assignment", "EndUser", "Assignment");
    ObjectNode setting = rule.putObject("setting");
    setting.put("isApprovalRequired", s.requireApproval());
    setting.put("isApprovalRequiredForExtension", false);
    setting.put("isRequestorJustificationRequired", true);
    setting.put("approvalMode", ApprovalStageSettings.mode(stageApprovers.size()));
    ArrayNode stages = setting.putArray("approvalStages");
    for (List<ObjectNode> approvers : stageApprovers) {
      ObjectNode stage = stages.addObject();
      stage.put("approvalStageTimeOutInDays", 1);
      stage.put("isApproverJustificationRequired", true);
      stage.put("escalationTimeInMinutes", 0);
      stage.put("isEscalationEnabled", false);
      ArrayNode primary = stage.putArray("primaryApprovers");
      approvers.forEach(primary::add);
      stage.putArray("escalationApprovers");
    }
    return rule;
  }

  private static ObjectNode authenticationContext(String claimValue) {
    ObjectNode rule = rule("AuthenticationContextRule", "AuthenticationContext_EndUser_Assignment", "EndUser",
        "Assignment");
    rule.put("isEnabled", !claimValue.isBlank());
    if (claimValue.isBlank()) {
      rule.putNull("claimValue");
    } else {
      rule.put("claimValue", claimValue);
    }
    return moveTargetLast(rule);
  }

  private static ObjectNode moveTargetLast(ObjectNode rule) {
    rule.set("target", rule.remove("target"));
    return rule;
  }

  /** A Graph approver ({@code singleUser} or {@code groupMembers}) for a directory object. */
  static ObjectNode approver(String objectId, boolean isGroup, String description) {
    ObjectNode approver = Json.object();
    approver.put("@odata.type", isGroup ? "#microsoft.graph.groupMembers" : "#microsoft.graph.singleUser");
    approver.put(isGroup ? "groupId" : "userId", objectId);
    approver.put("description", description);
    approver.put("isBackup", false);
    return approver;
  }
}
