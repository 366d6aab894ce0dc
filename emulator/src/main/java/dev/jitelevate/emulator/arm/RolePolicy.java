package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jitelevate.emulator.kernel.PolicyLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A role management policy: the rules PIM enforces for one role at one scope. The rules are kept as the
 * wire JSON so that a partial PATCH replaces exactly the rules it names; typed views read from them.
 *
 * @param name GUID name
 * @param scope where it applies
 * @param roleGuid the role it governs
 * @param rules the rule array (never shared; copies go out)
 * @param lastModifiedAt when it last changed, or null when never
 * @param lastModifiedBy who changed it, or null
 */
record RolePolicy(String name, ArmScope scope, String roleGuid, ArrayNode rules, Instant lastModifiedAt, String lastModifiedBy) {

  RolePolicy {
    rules = rules.deepCopy();
  }

  @Override
  public ArrayNode rules() {
    return rules.deepCopy();
  }

  String id() {
    return scope.prefix() + "/providers/Microsoft.Authorization/roleManagementPolicies/" + name;
  }

  JsonNode rule(String id) {
    for (JsonNode rule : rules) {
      if (id.equalsIgnoreCase(rule.path("id").asText())) {
        return rule;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /**
   * The limits one expiration rule and one enablement rule set for a principal, read typed for the rules kernel.
   * A principal (or one of its groups) among the expiration rule's {@code exceptionMembers} is not restricted by it.
   *
   * @param identities the principal's object id and its groups' ids, lower case
   */
  PolicyLimits limits(String expirationRuleId, String enablementRuleId, Set<String> identities) {
    JsonNode rule = rule(expirationRuleId);
    if (exempt(rule, identities)) {
      return new PolicyLimits(null, false, enabledRules(enablementRuleId));
    }
    String max = rule.path("maximumDuration").asText("");
    Duration limit = max.isEmpty() ? null : IsoDurations.parse(max, "maximumDuration");
    return new PolicyLimits(limit, rule.path("isExpirationRequired").asBoolean(true), enabledRules(enablementRuleId));
  }

  private static boolean exempt(JsonNode expirationRule, Set<String> identities) {
    for (JsonNode member : expirationRule.path("exceptionMembers")) {
      if (identities.contains(ArmState.key(member.path("id").asText("")))) {
        return true;
      }
    }
    return false;
  }

  Set<String> enabledRules(String ruleId) {
    Set<String> out = new LinkedHashSet<>();
    rule(ruleId).path("enabledRules").forEach(r -> out.add(r.asText()));
    return out;
  }

  boolean approvalRequired() {
    return rule("Approval_EndUser_Assignment").path("setting").path("isApprovalRequired").asBoolean(false);
  }

  /** Each approval stage's primary approvers (object ids), in stage order; one empty stage when none are set. */
  List<Set<String>> approvalStages() {
    List<Set<String>> out = new ArrayList<>();
    for (JsonNode stage : rule("Approval_EndUser_Assignment").path("setting").path("approvalStages")) {
      Set<String> approvers = new LinkedHashSet<>();
      stage.path("primaryApprovers").forEach(a -> approvers.add(a.path("id").asText()));
      out.add(approvers);
    }
    return out.isEmpty() ? List.of(Set.of()) : out;
  }
}
