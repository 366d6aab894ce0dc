package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.Json;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationContextTest {
  private static final String C1_REFUSAL = "&claims=%7B%22access_token%22%3A%7B%22acrs%22%3A%7B%22essential%22%3Atrue"
      + "%2C%20%22value%22%3A%22c1%22%7D%7D%7D";
  private final ArmFixture arm = new ArmFixture();

  @BeforeEach
  void requireContextC1OnTheOfficerRole() {
    var body = Json.object();
    body.putObject("properties").putArray("rules").addObject()
        .put("id", "AuthenticationContext_EndUser_Assignment").put("ruleType", "RoleManagementPolicyAuthenticationContextRule")
        .put("isEnabled", true).put("claimValue", "c1")
        .putObject("target").put("caller", "EndUser").put("level", "Assignment").putArray("operations").add("All");
    var reply = arm.send("PATCH", "broker", policy().path("id").asText() + "?api-version=" + PIM, body);
    assertThat(reply.status()).isEqualTo(200);
    Caller alice = arm.tokens.get("alice");
    arm.tokens.put("alice-c1", new Caller(alice.objectId(), alice.appId(), false, alice.roles(), alice.scopes(), alice.wids(),
        alice.groups(), alice.amr(), alice.issuedAt(), Set.of("c1")));
  }

  private JsonNode policy() {
    return arm.get("broker", RG_APP + "/providers/Microsoft.Authorization/roleManagementPolicies?api-version=" + PIM
        + "&$filter=roleDefinitionId%20eq%20'" + RG_APP + "/providers/Microsoft.Authorization/roleDefinitions/"
        + KV_SECRETS_OFFICER + "'").json().path("value").get(0);
  }

  private ArmFixture.Reply activate(String token) {
    return arm.put(token, requests(RG_APP, newName()), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "rotate"));
  }

  @Test
  void theEnabledRuleIsReadBackWithItsClaimValue() {
    JsonNode rule = null;
    for (JsonNode r : policy().path("properties").path("rules")) {
      if (r.path("id").asText().equals("AuthenticationContext_EndUser_Assignment")) rule = r;
    }
    assertThat(rule.path("isEnabled").asBoolean()).isTrue();
    assertThat(rule.path("claimValue").asText()).isEqualTo("c1");
  }

  @Test
  void aTokenWithoutTheContextIsRefusedWithTheClaimsRequestAsTheMessage() {
    var reply = activate("alice");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("RoleAssignmentRequestAcrsValidationFailed");
    assertThat(reply.message()).isEqualTo(C1_REFUSAL);
  }

  @Test
  void aTokenCarryingTheContextActivates() {
    var reply = activate("alice-c1");
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.prop("status")).isEqualTo("Provisioned");
  }

  @Test
  void otherPolicyRulesAreReportedBeforeTheContext() {
    var reply = arm.put("alice", requests(RG_APP, newName()), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", null));
    assertThat(reply.code()).isEqualTo("RoleAssignmentRequestPolicyValidationFailed");
  }

  @Test
  void anAdminAssignmentByAnAppIsNotSubjectToTheEndUserContext() {
    var reply = arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_OFFICER, "AdminAssign", "PT30M", "ci"));
    assertThat(reply.code()).isNotEqualTo("RoleAssignmentRequestAcrsValidationFailed");
  }
}
