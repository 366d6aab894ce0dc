package dev.jitelevate.pimconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Role management policy rules (ARM's wire format) read as settings, and settings written back into rules. */
final class PolicyRules {
  private PolicyRules() {}

  /** Every setting's canonical value as the rules hold it. */
  static Map<PolicySetting, String> read(ArrayNode rules) {
    Map<PolicySetting, String> out = new LinkedHashMap<>();
    JsonNode endUser = rule(rules, "Enablement_EndUser_Assignment");
    put(out, PolicySetting.MAXIMUM_ACTIVATION, duration(rule(rules, "Expiration_EndUser_Assignment")));
    put(out, PolicySetting.REQUIRE_JUSTIFICATION, Boolean.toString(enabled(endUser, "Justification")));
    put(out, PolicySetting.REQUIRE_TICKET, Boolean.toString(enabled(endUser, "Ticketing")));
    put(out, PolicySetting.REQUIRE_MFA, Boolean.toString(enabled(endUser, "MultiFactorAuthentication")));
    JsonNode context = rule(rules, "AuthenticationContext_EndUser_Assignment");
    put(out, PolicySetting.AUTHENTICATION_CONTEXT, context.path("isEnabled").asBoolean()
        && !context.path("claimValue").asText("").isBlank() ? context.path("claimValue").asText() : "off");
    JsonNode approval = rule(rules, "Approval_EndUser_Assignment").path("setting");
    put(out, PolicySetting.REQUIRE_APPROVAL, Boolean.toString(approval.path("isApprovalRequired").asBoolean()));
    TreeSet<String> approvers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    approval.path("approvalStages").forEach(stage -> stage.path("primaryApprovers").forEach(a -> approvers.add(approverId(a))));
    put(out, PolicySetting.APPROVERS, String.join(",", approvers));
    JsonNode eligible = rule(rules, "Expiration_Admin_Eligibility");
    put(out, PolicySetting.MAXIMUM_ELIGIBLE, duration(eligible));
    put(out, PolicySetting.PERMANENT_ELIGIBLE, Boolean.toString(!eligible.path("isExpirationRequired").asBoolean(true)));
    JsonNode active = rule(rules, "Expiration_Admin_Assignment");
    put(out, PolicySetting.MAXIMUM_ACTIVE, duration(active));
    put(out, PolicySetting.PERMANENT_ACTIVE, Boolean.toString(!active.path("isExpirationRequired").asBoolean(true)));
    for (String[] event : PolicySetting.EVENTS) {
      for (String[] recipient : PolicySetting.RECIPIENTS) {
        JsonNode n = rule(rules, "Notification_" + recipient[1] + "_" + event[1]);
        TreeSet<String> emails = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        n.path("notificationRecipients").forEach(e -> emails.add(e.asText()));
        put(out, PolicySetting.notification(event[0], recipient[0], "level"), n.path("notificationLevel").asText("All"));
        put(out, PolicySetting.notification(event[0], recipient[0], "defaultRecipients"),
            Boolean.toString(n.path("isDefaultRecipientsEnabled").asBoolean(true)));
        put(out, PolicySetting.notification(event[0], recipient[0], "recipients"), String.join(",", emails));
      }
    }
    return out;
  }

  /**
   * The rules to PATCH so the policy holds the wanted values: copies of the live rules, changed.
   *
   * @param principals an approver id to the principal (for the approver's type and description)
   */
  static List<JsonNode> patch(ArrayNode live, Map<PolicySetting, String> wanted, Function<String, Principal> principals) {
    Map<String, ObjectNode> changed = new LinkedHashMap<>();
    wanted.forEach((setting, value) -> apply(live, changed, setting, value, principals));
    return new ArrayList<>(changed.values());
  }

  private static void apply(ArrayNode live, Map<String, ObjectNode> changed, PolicySetting s, String value,
      Function<String, Principal> principals) {
    switch (s.path()) {
      case "maximumActivation" -> edit(live, changed, "Expiration_EndUser_Assignment").put("maximumDuration", value);
      case "requireJustification" -> enable(edit(live, changed, "Enablement_EndUser_Assignment"), "Justification", value);
      case "requireTicket" -> enable(edit(live, changed, "Enablement_EndUser_Assignment"), "Ticketing", value);
      case "requireMfa" -> enable(edit(live, changed, "Enablement_EndUser_Assignment"), "MultiFactorAuthentication", value);
      case "authenticationContext" -> edit(live, changed, "AuthenticationContext_EndUser_Assignment")
          .put("isEnabled", !value.equals("off")).put("claimValue", value.equals("off") ? "" : value);
      case "requireApproval" -> approvalSetting(edit(live, changed, "Approval_EndUser_Assignment"))
          .put("isApprovalRequired", Boolean.parseBoolean(value));
      case "approvers" -> {
        ObjectNode rule = edit(live, changed, "Approval_EndUser_Assignment");
        approvers(approvalSetting(rule), value, principals, rule.has("@odata.type"));
      }
      case "maximumEligibleDuration" -> edit(live, changed, "Expiration_Admin_Eligibility").put("maximumDuration", value);
      case "permanentEligibleAllowed" -> edit(live, changed, "Expiration_Admin_Eligibility")
          .put("isExpirationRequired", !Boolean.parseBoolean(value));
      case "maximumActiveDuration" -> edit(live, changed, "Expiration_Admin_Assignment").put("maximumDuration", value);
      case "permanentActiveAllowed" -> edit(live, changed, "Expiration_Admin_Assignment")
          .put("isExpirationRequired", !Boolean.parseBoolean(value));
      default -> notification(live, changed, s, value);
    }
  }

  private static void notification(ArrayNode live, Map<String, ObjectNode> changed, PolicySetting s, String value) {
    String[] parts = s.path().split("\\.");
    String suffix = PolicySetting.EVENTS.stream().filter(e -> e[0].equals(parts[1])).findFirst().orElseThrow()[1];
    String prefix = PolicySetting.RECIPIENTS.stream().filter(r -> r[0].equals(parts[2])).findFirst().orElseThrow()[1];
    ObjectNode rule = edit(live, changed, "Notification_" + prefix + "_" + suffix);
    switch (parts[3]) {
      case "level" -> rule.put("notificationLevel", value);
      case "defaultRecipients" -> rule.put("isDefaultRecipientsEnabled", Boolean.parseBoolean(value));
      default -> {
        ArrayNode recipients = rule.putArray("notificationRecipients");
        if (!value.isEmpty()) {
          for (String email : value.split(",")) {
            recipients.add(email);
          }
        }
      }
    }
  }

  /** An approver's object id: ARM spells it {@code id}, Graph {@code userId} or {@code groupId}. */
  private static String approverId(JsonNode approver) {
    for (String field : List.of("id", "userId", "groupId")) {
      if (approver.hasNonNull(field)) {
        return approver.get(field).asText();
      }
    }
    return "";
  }

  private static void approvers(ObjectNode setting, String ids, Function<String, Principal> principals, boolean graph) {
    ArrayNode stages = setting.withArray("approvalStages");
    ObjectNode stage = stages.isEmpty() ? stages.addObject() : (ObjectNode) stages.get(0);
    ArrayNode primary = stage.putArray("primaryApprovers");
    if (!ids.isEmpty()) {
      for (String id : ids.split(",")) {
        Principal p = principals.apply(id);
        boolean group = p.type().equals("Group");
        ObjectNode approver = primary.addObject();
        if (graph) {
          approver.put("@odata.type", group ? "#microsoft.graph.groupMembers" : "#microsoft.graph.singleUser")
              .put(group ? "groupId" : "userId", id);
        } else {
          approver.put("id", id);
        }
        approver.put("description", p.name()).put("isBackup", false);
        if (!graph) {
          approver.put("userType", group ? "Group" : "User");
        }
      }
    }
  }

  private static ObjectNode approvalSetting(ObjectNode rule) {
    return rule.has("setting") && rule.get("setting").isObject() ? (ObjectNode) rule.get("setting") : rule.putObject("setting");
  }

  private static void enable(ObjectNode rule, String name, String value) {
    ArrayNode enabled = rule.withArray("enabledRules");
    List<String> keep = new ArrayList<>();
    enabled.forEach(e -> {
      if (!e.asText().equals(name)) {
        keep.add(e.asText());
      }
    });
    if (Boolean.parseBoolean(value)) {
      keep.add(name);
    }
    enabled.removeAll();
    keep.forEach(enabled::add);
  }

  private static ObjectNode edit(ArrayNode live, Map<String, ObjectNode> changed, String id) {
    return changed.computeIfAbsent(id, k -> {
      JsonNode rule = rule(live, id);
      if (rule.isMissingNode()) {
        throw new PimApiException("roleManagementPolicies.get", 200, "RuleMissing",
            "the policy has no rule " + id, java.util.Optional.empty());
      }
      return (ObjectNode) rule.deepCopy();
    });
  }

  private static JsonNode rule(ArrayNode rules, String id) {
    for (JsonNode r : rules) {
      if (r.path("id").asText().equalsIgnoreCase(id)) {
        return r;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static boolean enabled(JsonNode rule, String name) {
    for (JsonNode e : rule.path("enabledRules")) {
      if (e.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String duration(JsonNode rule) {
    String text = rule.path("maximumDuration").asText("");
    return text.isEmpty() ? "" : IsoDurations.canonical(text);
  }

  private static void put(Map<PolicySetting, String> out, PolicySetting s, String value) {
    out.put(s, value);
  }
}
