package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PoliciesApiTest {
  private final ArmFixture arm = new ArmFixture();

  private JsonNode policyOf(String scope, String role) {
    return arm.get("broker", scope + "/providers/Microsoft.Authorization/roleManagementPolicies?api-version=" + PIM
        + "&$filter=roleDefinitionId%20eq%20'" + scope + "/providers/Microsoft.Authorization/roleDefinitions/" + role + "'")
        .json().path("value").get(0);
  }

  private static JsonNode rule(JsonNode policy, String id) {
    for (JsonNode rule : policy.path("properties").path("rules")) {
      if (rule.path("id").asText().equals(id)) return rule;
    }
    throw new AssertionError("no rule " + id);
  }

  private static JsonNode maxDurationPatch(String duration) {
    var body = Json.object();
    var rule = body.putObject("properties").putArray("rules").addObject();
    rule.put("id", "Expiration_EndUser_Assignment").put("ruleType", "RoleManagementPolicyExpirationRule")
        .put("isExpirationRequired", true).put("maximumDuration", duration);
    rule.putObject("target").put("caller", "EndUser").put("level", "Assignment").putArray("operations").add("All");
    return body;
  }

  @Nested
  class Read {
    @Test
    void aPolicyCarriesTheScenarioSettingsAsRules() {
      JsonNode policy = policyOf(SUB_SCOPE, CONTRIBUTOR);
      assertThat(policy.path("type").asText()).isEqualTo("Microsoft.Authorization/RoleManagementPolicies");
      assertThat(rule(policy, "Expiration_EndUser_Assignment").path("maximumDuration").asText()).isEqualTo("PT4H");
      assertThat(rule(policy, "Enablement_EndUser_Assignment").path("enabledRules").toString()).contains("Justification", "Ticketing");
      JsonNode approval = rule(policy, "Approval_EndUser_Assignment").path("setting");
      assertThat(approval.path("isApprovalRequired").asBoolean()).isTrue();
      assertThat(approval.path("approvalStages").get(0).path("primaryApprovers").get(0).path("id").asText()).isEqualTo(BOB);
      assertThat(policy.path("properties").path("effectiveRules")).isEqualTo(policy.path("properties").path("rules"));
    }

    @Test
    void rolesWithoutAScenarioPolicyGetTheDefaults() {
      JsonNode policy = policyOf(RG_DATA, OWNER);
      assertThat(rule(policy, "Expiration_EndUser_Assignment").path("maximumDuration").asText()).isEqualTo("PT8H");
      assertThat(rule(policy, "Enablement_EndUser_Assignment").path("enabledRules").toString()).isEqualTo("[\"Justification\"]");
      assertThat(rule(policy, "Expiration_Admin_Assignment").path("maximumDuration").asText()).isEqualTo("P365D");
      assertThat(rule(policy, "Approval_EndUser_Assignment").path("setting").path("isApprovalRequired").asBoolean()).isFalse();
    }

    @Test
    void aScenarioPolicyAppliesBelowItsScope() {
      assertThat(rule(policyOf(RG_APP, CONTRIBUTOR), "Expiration_EndUser_Assignment").path("maximumDuration").asText()).isEqualTo("PT4H");
    }

    @Test
    void aPolicyIsReadByItsName() {
      JsonNode policy = policyOf(SUB_SCOPE, CONTRIBUTOR);
      var reply = arm.get("alice", policy.path("id").asText() + "?api-version=" + PIM);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().path("name").asText()).isEqualTo(policy.path("name").asText());
      assertThat(arm.get("alice", SUB_SCOPE + "/providers/Microsoft.Authorization/roleManagementPolicies/" + newName() + "?api-version=" + PIM)
          .code()).isEqualTo("RoleManagementPolicyNotFound");
    }

    @Test
    void anUnfilteredAssignmentListAnswersOneAssignmentPerRoleOfAzuresWholeCatalogue() {
      String assignments = SUB_SCOPE + "/providers/Microsoft.Authorization/roleManagementPolicyAssignments?api-version=" + PIM;

      int all = everyPage(assignments);
      JsonNode one = arm.get("alice", assignments + "&$filter=roleDefinitionId%20eq%20'" + SUB_SCOPE
          + "/providers/Microsoft.Authorization/roleDefinitions/" + CONTRIBUTOR + "'").json().path("value");

      assertThat(all).isEqualTo(ScenarioLoader.BUILT_IN_ROLE_COUNT + customRoles());
      assertThat(one.size()).isEqualTo(1);
      assertThat(one.get(0).path("properties").path("roleDefinitionId").asText()).endsWith(CONTRIBUTOR);
    }

    /** How many items a list has over all its pages ({@code nextLink}). */
    private int everyPage(String pathAndQuery) {
      int items = 0;
      for (String next = pathAndQuery; next != null; ) {
        JsonNode page = arm.get("alice", next).json();
        items += page.path("value").size();
        JsonNode link = page.path("nextLink");
        next = link.isTextual() ? URI.create(link.asText()).getRawPath() + "?" + URI.create(link.asText()).getRawQuery() : null;
      }
      return items;
    }

    private int customRoles() {
      return arm.get("alice", SUB_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions?api-version=" + RBAC
          + "&$filter=type%20eq%20'CustomRole'").json().path("value").size();
    }

    @Test
    void policyAssignmentsUseTheSingularIdSegmentAndCapitalisedType() {
      var list = arm.get("alice", SUB_SCOPE + "/providers/Microsoft.Authorization/roleManagementPolicyAssignments?api-version=" + PIM).json().path("value");
      assertThat(list.size()).isGreaterThanOrEqualTo(10);
      JsonNode first = list.get(0);
      assertThat(first.path("type").asText()).isEqualTo("Microsoft.Authorization/RoleManagementPolicyAssignment");
      assertThat(first.path("id").asText()).contains("/providers/Microsoft.Authorization/roleManagementPolicyAssignment/");
      String name = first.path("name").asText();
      assertThat(name).matches("[0-9a-f-]{36}_[0-9a-f-]{36}");
      var one = arm.get("alice", SUB_SCOPE + "/providers/Microsoft.Authorization/roleManagementPolicyAssignments/" + name + "?api-version=" + PIM);
      assertThat(one.prop("policyId")).endsWith(name.substring(0, 36));
    }
  }

  @Nested
  class Patch {
    @Test
    void aPartialPatchReplacesOnlyTheNamedRules() {
      JsonNode before = policyOf(SUB_SCOPE, CONTRIBUTOR);
      var reply = arm.send("PATCH", "broker", before.path("id").asText() + "?api-version=" + PIM, maxDurationPatch("PT1H"));
      assertThat(reply.status()).isEqualTo(200);
      JsonNode after = policyOf(SUB_SCOPE, CONTRIBUTOR);
      assertThat(rule(after, "Expiration_EndUser_Assignment").path("maximumDuration").asText()).isEqualTo("PT1H");
      assertThat(rule(after, "Approval_EndUser_Assignment")).isEqualTo(rule(before, "Approval_EndUser_Assignment"));
      assertThat(after.path("properties").path("lastModifiedBy").path("id").asText()).isEqualTo(BROKER);
    }

    @Test
    void thePatchedRuleIsEnforced() {
      JsonNode policy = policyOf(RG_APP, KV_SECRETS_OFFICER);
      arm.send("PATCH", "broker", policy.path("id").asText() + "?api-version=" + PIM, maxDurationPatch("PT30M"));
      var reply = arm.put("alice", requests(RG_APP, newName()), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "x"));
      assertThat(reply.message()).contains("ExpirationRule");
    }

    @Test
    void anExceptionMemberOfTheExpirationRuleIsNotRestrictedByIt() {
      JsonNode policy = policyOf(RG_APP, KV_SECRETS_OFFICER);
      JsonNode patch = maxDurationPatch("PT30M");
      ((ObjectNode) patch.path("properties").path("rules").get(0)).putArray("exceptionMembers").addObject()
          .put("id", ALICE).put("userType", "User").put("isBackup", false);
      arm.send("PATCH", "broker", policy.path("id").asText() + "?api-version=" + PIM, patch);

      var reply = arm.put("alice", requests(RG_APP, newName()), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "x"));

      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      assertThat(rule(policyOf(RG_APP, KV_SECRETS_OFFICER), "Expiration_EndUser_Assignment").path("exceptionMembers")
          .get(0).path("id").asText()).isEqualTo(ALICE);
    }

    @Test
    void patchingNeedsPolicyWritePermission() {
      JsonNode policy = policyOf(SUB_SCOPE, CONTRIBUTOR);
      var reply = arm.send("PATCH", "ci", policy.path("id").asText() + "?api-version=" + PIM, maxDurationPatch("PT1H"));
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.message()).contains("Microsoft.Authorization/roleManagementPolicies/write");
    }

    @Test
    void anUnknownRuleIdIsRefused() {
      JsonNode policy = policyOf(SUB_SCOPE, CONTRIBUTOR);
      var body = Json.object();
      body.putObject("properties").putArray("rules").addObject().put("id", "Nope_Rule");
      var reply = arm.send("PATCH", "broker", policy.path("id").asText() + "?api-version=" + PIM, body);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.message()).contains("Nope_Rule");
    }
  }
}
