package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GraphPoliciesAndLookupsTest {
  private static final String ASSIGNMENTS = "/v1.0/policies/roleManagementPolicyAssignments";
  private final GraphFixture graph = new GraphFixture();

  private static void assertError(EmulatorResponse response, int status, String code) {
    assertThat(response.status()).as(new String(response.body())).isEqualTo(status);
    assertThat(response.bodyJson().path("error").path("code").asText()).isEqualTo(code);
  }

  private JsonNode rule(JsonNode rules, String id) {
    for (JsonNode rule : rules) {
      if (rule.path("id").asText().equals(id)) return rule;
    }
    throw new AssertionError("no rule " + id);
  }

  @Nested
  class Policies {
    @Test
    void theDirectoryRolePolicyAssignmentExpandsToTheScenarioRules() {
      JsonNode value = graph.get(graph.appToken(BROKER), ASSIGNMENTS + "?$filter=scopeId eq '/' and scopeType eq"
          + " 'DirectoryRole' and roleDefinitionId eq '" + PRIVILEGED_ROLE_ADMIN + "'&$expand=policy($expand=rules)")
          .bodyJson().path("value");
      assertThat(value).hasSize(1);
      JsonNode policy = value.get(0).path("policy");
      assertThat(policy.path("id").asText()).startsWith("DirectoryRole_" + TENANT + "_");
      assertThat(value.get(0).path("id").asText()).isEqualTo(policy.path("id").asText() + "_" + PRIVILEGED_ROLE_ADMIN);
      JsonNode rules = policy.path("rules");
      assertThat(rule(rules, "Expiration_EndUser_Assignment").path("maximumDuration").asText()).isEqualTo("PT2H");
      assertThat(rule(rules, "Enablement_EndUser_Assignment").path("enabledRules").toString())
          .isEqualTo("[\"MultiFactorAuthentication\",\"Justification\"]");
      JsonNode approval = rule(rules, "Approval_EndUser_Assignment");
      assertThat(approval.path("@odata.type").asText())
          .isEqualTo("#microsoft.graph.unifiedRoleManagementPolicyApprovalRule");
      assertThat(approval.path("setting").path("approvalStages").get(0).path("primaryApprovers").get(0)
          .path("userId").asText()).isEqualTo(BOB);
    }

    @Test
    void withoutExpandThePolicyIsNotEmbedded() {
      JsonNode value = graph.get(graph.appToken(BROKER), ASSIGNMENTS + "?$filter=scopeId eq '/' and scopeType eq"
          + " 'DirectoryRole'").bodyJson().path("value");
      assertThat(value.size()).isGreaterThanOrEqualTo(8);
      assertThat(value.get(0).has("policy")).isFalse();
    }

    @Test
    void theFilterOnScopeIsRequired() {
      EmulatorResponse response = graph.get(graph.appToken(BROKER), ASSIGNMENTS);
      assertError(response, 400, "BadRequest");
      assertThat(response.bodyJson().path("error").path("message").asText()).contains("scopeId").contains("scopeType");
    }

    @Test
    void groupPoliciesAreScopedToTheGroupWithMemberAndOwner() {
      JsonNode value = graph.get(graph.appToken(BROKER), ASSIGNMENTS + "?$filter=scopeId eq '" + PIM_GROUP
          + "' and scopeType eq 'Group'&$expand=policy($expand=rules)").bodyJson().path("value");
      assertThat(value).hasSize(2);
      assertThat(value.get(0).path("policyId").asText()).startsWith("Group_" + PIM_GROUP + "_");
      assertThat(value.get(0).path("roleDefinitionId").asText()).isEqualTo("member");
    }

    @Test
    void anAppWithoutGroupPolicyPermissionCannotReadGroupPolicies() {
      assertError(graph.get(graph.appToken(BROKER, Set.of("RoleManagementPolicy.Read.Directory")), ASSIGNMENTS
          + "?$filter=scopeId eq '" + PIM_GROUP + "' and scopeType eq 'Group'"), 403, "Authorization_RequestDenied");
    }

    @Test
    void patchingARuleChangesWhatIsEnforced() {
      String policyId = graph.get(graph.appToken(BROKER), ASSIGNMENTS + "?$filter=scopeId eq '/' and scopeType eq"
          + " 'DirectoryRole' and roleDefinitionId eq '" + USER_ADMIN + "'").bodyJson().path("value").get(0)
          .path("policyId").asText();
      String admin = graph.appToken(BROKER, Set.of("RoleManagementPolicy.ReadWrite.Directory"));
      EmulatorResponse patched = graph.patch(admin, "/v1.0/policies/roleManagementPolicies/" + policyId
          + "/rules/Expiration_EndUser_Assignment", "{\"@odata.type\":\"#microsoft.graph."
          + "unifiedRoleManagementPolicyExpirationRule\",\"id\":\"Expiration_EndUser_Assignment\","
          + "\"isExpirationRequired\":true,\"maximumDuration\":\"PT30M\"}");
      assertThat(patched.status()).isEqualTo(200);
      assertThat(patched.bodyJson().path("maximumDuration").asText()).isEqualTo("PT30M");
      EmulatorResponse activation = graph.post(graph.userToken(ALICE),
          "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests", selfActivate(ALICE, USER_ADMIN, "PT1H", "x"));
      assertThat(activation.bodyJson().path("error").path("message").asText()).contains("ExpirationRule");
      JsonNode policy = graph.get(graph.appToken(BROKER), "/v1.0/policies/roleManagementPolicies/" + policyId
          + "?$expand=rules").bodyJson();
      assertThat(policy.path("lastModifiedDateTime").isNull()).isFalse();
      assertThat(rule(policy.path("rules"), "Expiration_EndUser_Assignment").path("maximumDuration").asText())
          .isEqualTo("PT30M");
    }

    @Test
    void patchingWithAnotherRuleTypeOrAnUnknownRuleFails() {
      String policyId = graph.get(graph.appToken(BROKER), ASSIGNMENTS + "?$filter=scopeId eq '/' and scopeType eq"
          + " 'DirectoryRole'").bodyJson().path("value").get(0).path("policyId").asText();
      String admin = graph.appToken(BROKER, Set.of("RoleManagementPolicy.ReadWrite.Directory"));
      String base = "/v1.0/policies/roleManagementPolicies/" + policyId + "/rules/";
      assertError(graph.patch(admin, base + "Expiration_EndUser_Assignment",
          "{\"@odata.type\":\"#microsoft.graph.unifiedRoleManagementPolicyEnablementRule\"}"), 400, "BadRequest");
      assertError(graph.patch(admin, base + "Nope", "{}"), 404, "ResourceNotFound");
      assertError(graph.patch(graph.appToken(BROKER), base + "Expiration_EndUser_Assignment", "{}"), 403,
          "Authorization_RequestDenied");
    }

    @Test
    void rulesAreListedAndAnUnknownPolicyIsNotFound() {
      String policyId = graph.get(graph.appToken(BROKER), ASSIGNMENTS + "?$filter=scopeId eq '/' and scopeType eq"
          + " 'DirectoryRole'").bodyJson().path("value").get(0).path("policyId").asText();
      assertThat(graph.get(graph.appToken(BROKER), "/v1.0/policies/roleManagementPolicies/" + policyId + "/rules")
          .bodyJson().path("value")).hasSize(17);
      assertError(graph.get(graph.appToken(BROKER), "/v1.0/policies/roleManagementPolicies/DirectoryRole_x_y"), 404,
          "ResourceNotFound");
    }
  }

  @Nested
  class Lookups {
    @Test
    void aUserIsFoundByIdOrUserPrincipalNameOrFilter() {
      String token = graph.appToken(BROKER);
      assertThat(graph.get(token, "/v1.0/users/" + ALICE).bodyJson().path("displayName").asText()).isEqualTo("Alice");
      assertThat(graph.get(token, "/v1.0/users/alice@contoso-emu.onmicrosoft.com").bodyJson().path("id").asText())
          .isEqualTo(ALICE);
      JsonNode filtered = graph.get(token, "/v1.0/users?$filter=userPrincipalName eq 'bob@contoso-emu.onmicrosoft.com'"
          + "&$select=id,displayName").bodyJson().path("value");
      assertThat(filtered).hasSize(1);
      assertThat(filtered.get(0).has("userPrincipalName")).isFalse();
      assertThat(filtered.get(0).path("id").asText()).isEqualTo(BOB);
    }

    @Test
    void anUnknownUserIsRequestResourceNotFound() {
      assertError(graph.get(graph.appToken(BROKER), "/v1.0/users/nobody@contoso-emu.onmicrosoft.com"), 404,
          "Request_ResourceNotFound");
    }

    @Test
    void meIsTheSignedInUserAndRefusedForApps() {
      assertThat(graph.get(graph.userToken(CAROL), "/v1.0/me").bodyJson().path("id").asText()).isEqualTo(CAROL);
      assertError(graph.get(graph.appToken(BROKER), "/v1.0/me"), 400, "BadRequest");
    }

    @Test
    void servicePrincipalsAreFoundByIdAppIdFilterAndKeySyntax() {
      String token = graph.appToken(BROKER);
      assertThat(graph.get(token, "/v1.0/servicePrincipals/" + CI).bodyJson().path("displayName").asText())
          .isEqualTo("ci-deployer");
      assertThat(graph.get(token, "/v1.0/servicePrincipals?$filter=appId eq '" + BROKER_APP_ID + "'").bodyJson()
          .path("value").get(0).path("id").asText()).isEqualTo(BROKER);
      assertThat(graph.get(token, "/v1.0/servicePrincipals(appId='" + BROKER_APP_ID + "')").bodyJson()
          .path("id").asText()).isEqualTo(BROKER);
    }

    @Test
    void groupsAreFoundByIdAndDisplayName() {
      String token = graph.appToken(BROKER);
      assertThat(graph.get(token, "/v1.0/groups?$filter=displayName eq 'grp-prod-admins'").bodyJson().path("value")
          .get(0).path("id").asText()).isEqualTo(PIM_GROUP);
      assertThat(graph.get(token, "/v1.0/groups/" + PLAIN_GROUP).bodyJson().path("displayName").asText())
          .isEqualTo("grp-plain");
    }

    @Test
    void directoryObjectsCarryTheirType() {
      String token = graph.appToken(BROKER);
      assertThat(graph.get(token, "/v1.0/directoryObjects/" + CI).bodyJson().path("@odata.type").asText())
          .isEqualTo("#microsoft.graph.servicePrincipal");
      assertThat(graph.get(token, "/v1.0/directoryObjects/" + PIM_GROUP).bodyJson().path("@odata.type").asText())
          .isEqualTo("#microsoft.graph.group");
    }

    @Test
    void roleDefinitionsCarryTheRealTemplateIds() {
      JsonNode value = graph.get(graph.appToken(BROKER), "/v1.0/roleManagement/directory/roleDefinitions"
          + "?$filter=displayName eq 'Global Administrator'").bodyJson().path("value");
      assertThat(value.get(0).path("id").asText()).isEqualTo("62e90394-69f5-4237-9190-012177145e10");
      assertThat(graph.get(graph.appToken(BROKER), "/v1.0/roleManagement/directory/roleDefinitions/" + USER_ADMIN)
          .bodyJson().path("displayName").asText()).isEqualTo("User Administrator");
    }

    @Test
    void anAppWithoutDirectoryReadIsDenied() {
      assertError(graph.get(graph.appToken(CI), "/v1.0/users/" + ALICE), 403, "Authorization_RequestDenied");
    }

    @Test
    void anUnsupportedFilterOperatorIsABadRequest() {
      assertError(graph.get(graph.appToken(BROKER), "/v1.0/users?$filter=startswith(displayName,'A') or id eq 'x'"),
          400, "BadRequest");
    }

    @Test
    void anUnknownSegmentIsABadRequestNamingIt() {
      EmulatorResponse response = graph.get(graph.appToken(BROKER), "/v1.0/roleManagement/directory/nonsense");
      assertError(response, 400, "BadRequest");
      assertThat(response.bodyJson().path("error").path("message").asText()).contains("nonsense");
    }
  }
}
