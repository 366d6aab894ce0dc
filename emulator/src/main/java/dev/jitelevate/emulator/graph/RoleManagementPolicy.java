package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One role management policy. Its rules (Graph JSON) are the source of truth: enforcement reads them, so a
 * {@code PATCH …/rules/{ruleId}} changes behaviour immediately. Guarded by the {@link PimState} lock.
 */
final class RoleManagementPolicy {
  final String id;
  final PimTarget target;
  private final List<ObjectNode> rules;
  Instant lastModifiedAt;
  String lastModifiedBy;

  RoleManagementPolicy(String id, PimTarget target, List<ObjectNode> rules) {
    this.id = id;
    this.target = target;
    this.rules = new ArrayList<>(rules);
  }

  List<ObjectNode> rules() {
    return List.copyOf(rules);
  }

  Optional<ObjectNode> rule(String ruleId) {
    return rules.stream().filter(r -> r.path("id").asText().equalsIgnoreCase(ruleId)).findFirst();
  }

  Duration maximumActivation() {
    return RequestSchedule.parseDuration(ruleOrFail("Expiration_EndUser_Assignment").path("maximumDuration").asText());
  }

  boolean activationExpirationRequired() {
    return ruleOrFail("Expiration_EndUser_Assignment").path("isExpirationRequired").asBoolean(true);
  }

  Duration maximumAdmin(ScheduleRequest.Type type) {
    return RequestSchedule.parseDuration(adminExpiration(type).path("maximumDuration").asText());
  }

  boolean adminExpirationRequired(ScheduleRequest.Type type) {
    return adminExpiration(type).path("isExpirationRequired").asBoolean(false);
  }

  Set<String> enabledRules(String ruleId) {
    Set<String> enabled = new LinkedHashSet<>();
    ruleOrFail(ruleId).path("enabledRules").forEach(r -> enabled.add(r.asText()));
    return enabled;
  }

  boolean approvalRequired() {
    return approvalSetting().path("isApprovalRequired").asBoolean(false);
  }

  boolean approverJustificationRequired(int stage) {
    return approvalSetting().path("approvalStages").path(stage).path("isApproverJustificationRequired")
        .asBoolean(false);
  }

  /** Each stage's primary approvers as (objectId, isGroup) pairs, in stage order; one empty stage when none. */
  List<Map<String, Boolean>> stageApprovers() {
    List<Map<String, Boolean>> stages = new ArrayList<>();
    for (JsonNode stage : approvalSetting().path("approvalStages")) {
      Map<String, Boolean> out = new java.util.LinkedHashMap<>();
      for (JsonNode approver : stage.path("primaryApprovers")) {
        if (approver.hasNonNull("userId")) out.put(approver.get("userId").asText(), false);
        if (approver.hasNonNull("groupId")) out.put(approver.get("groupId").asText(), true);
        if (approver.hasNonNull("id")) out.put(approver.get("id").asText(), "Group".equals(approver.path("userType").asText()));
      }
      stages.add(out);
    }
    return stages.isEmpty() ? List.of(Map.of()) : stages;
  }

  /**
   * Merges a PATCH body into a rule.
   *
   * @throws GraphException 404 for an unknown rule id, 400 for a body of another rule type or an invalid duration
   */
  ObjectNode patchRule(String ruleId, JsonNode body, Instant now, String modifiedBy) {
    ObjectNode rule = rule(ruleId).orElseThrow(() -> GraphException.pimNotFound("rule", ruleId));
    String type = body.path("@odata.type").asText(rule.path("@odata.type").asText());
    if (!type.equalsIgnoreCase(rule.path("@odata.type").asText())) {
      throw GraphException.invalidRequest("The rule '" + ruleId + "' is a " + rule.path("@odata.type").asText()
          + " and cannot be updated with a body of type " + type + ".");
    }
    if (body.hasNonNull("maximumDuration")) {
      RequestSchedule.parseDuration(body.get("maximumDuration").asText());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getKey().equals("id") && !field.getKey().equals("@odata.type")) {
        rule.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    lastModifiedAt = now;
    lastModifiedBy = modifiedBy;
    return rule;
  }

  private JsonNode approvalSetting() {
    return ruleOrFail("Approval_EndUser_Assignment").path("setting");
  }

  private ObjectNode adminExpiration(ScheduleRequest.Type type) {
    return ruleOrFail(type == ScheduleRequest.Type.ELIGIBILITY ? "Expiration_Admin_Eligibility"
        : "Expiration_Admin_Assignment");
  }

  private ObjectNode ruleOrFail(String ruleId) {
    return rule(ruleId).orElseThrow(() -> new IllegalStateException("Policy " + id + " lost its rule " + ruleId));
  }
}
