package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.testing.VectorShape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Replays every {@code arm_*} reference vector against the surface: the vector's request with its ids
 * mapped onto the test scenario's, compared by status and JSON shape (error vectors by code and message).
 */
class ArmVectorReplayTest {
  private static final String VECTOR_USER = "a3bb8764-cb92-4276-9d2a-ca1e895e55ea";
  private static final String VECTOR_REQUEST = "fea7a502-9a96-4806-a26f-eee560e52045";

  private final ArmFixture arm = new ArmFixture();
  private final Map<String, String> ids = new LinkedHashMap<>();
  private String eligibilitySchedule;

  @BeforeEach
  void mapVectorIdsOntoTheScenario() {
    for (String sub : new String[] {"dfa2a084-766f-4003-8ae1-c4aeb893a99f", "129ff972-28f8-46b8-a726-e497be039368",
        "a925f2f7-5c63-4b7b-8799-25a5f97bc3b2", "7b3b906c-8d7c-4ad2-9c2f-b22c195f610e", "ourSubscriptionGUID", "subID", "{subscriptionId}"}) {
      ids.put(sub, SUB);
    }
    ids.put("https://management.azure.com", "");
    ids.put("resourcegroups/rgname", "resourcegroups/rg-app");
    ids.put("resourceGroups/rgName", "resourceGroups/rg-data");
    ids.put("resourceGroups/RS-DEV-EASTUS2-AKS-01", "resourceGroups/rg-app");
    ids.put(VECTOR_USER, DAVE);
    ids.put("01b95094-3727-42de-9bfe-f1bd55734554", DAVE);
    ids.put("ce2ce14e-85d7-4629-bdbc-454d0519d987", DAVE);
    for (String role : new String[] {"c8d4ff99-41c3-41a8-9f60-21dfdad59608", "0b5fe924-9a61-425c-96af-cfe6e287ca2d",
        "1c0163c0-47e6-4577-8991-ea5c82e286e4"}) {
      ids.put(role, READER);
    }
    // Dave becomes eligible for Reader at the subscription, and Reader activations need no justification,
    // so the vector's own activation body (no justification) passes unchanged.
    var eligible = arm.put("broker", SUB_SCOPE + "/providers/Microsoft.Authorization/roleEligibilityScheduleRequests/" + newName()
        + "?api-version=" + PIM, scheduleRequest(DAVE, READER, "AdminAssign", "P30D", "on call"));
    eligibilitySchedule = eligible.prop("targetRoleEligibilityScheduleId");
    ids.put("b1477448-2cc6-4ceb-93b4-54a202a89413", eligibilitySchedule);
    var policy = arm.get("broker", SUB_SCOPE + "/providers/Microsoft.Authorization/roleManagementPolicies?api-version=" + PIM
        + "&$filter=roleDefinitionId%20eq%20'" + READER + "'").json().path("value").get(0).path("id").asText();
    var patch = Json.object();
    patch.putObject("properties").putArray("rules").addObject().put("id", "Enablement_EndUser_Assignment")
        .put("ruleType", "RoleManagementPolicyEnablementRule").putArray("enabledRules");
    assertThat(arm.send("PATCH", "broker", policy + "?api-version=" + PIM, patch).status()).isEqualTo(200);
  }

  private String adapt(String text) {
    String out = text;
    for (var e : ids.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  private ArmFixture.Reply replay(String vector, String caller) {
    return replay(vector, caller, Map.of());
  }

  private ArmFixture.Reply replay(String vector, String caller, Map<String, String> more) {
    JsonNode request = VectorShape.vector(vector).path("request");
    JsonNode body = request.path("body");
    String url = adapt(request.path("url").asText());
    String json = body.isMissingNode() || body.isNull() ? null : adapt(body.toString());
    for (var e : more.entrySet()) {
      url = url.replace(e.getKey(), e.getValue());
      json = json == null ? null : json.replace(e.getKey(), e.getValue());
    }
    return arm.send(request.path("method").asText(), caller, url, json);
  }

  private static void assertMatches(String vector, ArmFixture.Reply reply) {
    JsonNode expected = VectorShape.vector(vector).path("response");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(expected.path("status").asInt());
    if (!expected.path("body").isNull() && !expected.path("body").isMissingNode()) {
      VectorShape.assertSameShape(expected.path("body"), reply.json());
    } else {
      assertThat(reply.response().body()).isEmpty();
    }
  }

  private static void assertSameError(String vector, ArmFixture.Reply reply, boolean sameMessage) {
    assertMatches(vector, reply);
    JsonNode error = VectorShape.vector(vector).path("response").path("body").path("error");
    assertThat(reply.code()).isEqualTo(error.path("code").asText());
    if (sameMessage) {
      assertThat(reply.message()).isEqualTo(error.path("message").asText());
    }
  }

  private void activateDave() {
    assertMatches("arm_roleAssignmentScheduleRequests_create_selfActivate",
        replay("arm_roleAssignmentScheduleRequests_create_selfActivate", "dave"));
  }

  @Nested
  class ScheduleRequests {
    @Test
    void createSelfActivate() {
      var reply = replay("arm_roleAssignmentScheduleRequests_create_selfActivate", "dave");
      assertMatches("arm_roleAssignmentScheduleRequests_create_selfActivate", reply);
      assertThat(reply.prop("status")).isEqualTo("Provisioned");
      assertThat(reply.prop("scope")).isEqualTo(SUB_SCOPE);
    }

    @Test
    void get() {
      activateDave();
      assertMatches("arm_roleAssignmentScheduleRequests_get", replay("arm_roleAssignmentScheduleRequests_get", "dave"));
    }

    @Test
    void validate() {
      // The example declares api-version 2022-04-01; the Java SDK validates with 2020-10-01, which we send.
      var reply = replay("arm_roleAssignmentScheduleRequests_validate", "dave", Map.of("api-version=2022-04-01", "api-version=" + PIM));
      assertMatches("arm_roleAssignmentScheduleRequests_validate", reply);
    }

    @Test
    void cancel() {
      var pending = scheduleRequest(ALICE, CONTRIBUTOR, "SelfActivate", "PT2H", "deploy");
      ((com.fasterxml.jackson.databind.node.ObjectNode) pending.get("properties")).putObject("ticketInfo")
          .put("ticketNumber", "CHG-1").put("ticketSystem", "SNOW");
      arm.put("alice", requests(SUB_SCOPE, VECTOR_REQUEST), pending);
      assertMatches("arm_roleAssignmentScheduleRequests_cancel", replay("arm_roleAssignmentScheduleRequests_cancel", "alice"));
    }

    @Test
    void instancesListForScope() {
      // The example lists an admin-assigned ("Assigned") instance, so the broker assigns Dave directly.
      arm.put("broker", requests(SUB_SCOPE, newName()), scheduleRequest(DAVE, READER, "AdminAssign", "PT8H", "support case"));
      var reply = replay("arm_roleAssignmentScheduleInstances_listForScope", "dave");
      assertMatches("arm_roleAssignmentScheduleInstances_listForScope", reply);
      assertThat(reply.json().path("value")).hasSize(1);
    }

    @Test
    void eligibilityInstancesListForScope() {
      var reply = replay("arm_roleEligibilityScheduleInstances_listForScope", "dave");
      assertMatches("arm_roleEligibilityScheduleInstances_listForScope", reply);
      assertThat(reply.json().path("value")).hasSize(1);
    }
  }

  @Nested
  class Policies {
    @Test
    void policyGet() {
      String name = arm.get("broker", SUB_SCOPE + "/providers/Microsoft.Authorization/roleManagementPolicies?api-version=" + PIM
          + "&$filter=roleDefinitionId%20eq%20'" + CONTRIBUTOR + "'").json().path("value").get(0).path("name").asText();
      var reply = replay("arm_roleManagementPolicies_get", "broker", Map.of("570c3619-7688-4b34-b290-2b8bb3ccab2a", name));
      assertMatches("arm_roleManagementPolicies_get", reply);
    }

    @Test
    void policyAssignmentsListForScope() {
      var reply = replay("arm_roleManagementPolicyAssignments_listForScope", "broker");
      assertMatches("arm_roleManagementPolicyAssignments_listForScope", reply);
    }
  }

  @Nested
  class RoleAssignmentsAndPermissions {
    @Test
    void createForSubscription() {
      assertMatches("arm_roleAssignments_create_subscription", replay("arm_roleAssignments_create_subscription", "broker"));
    }

    @Test
    void deleteAnswersTheObjectThen204() {
      String name = "b0f43c54-e787-4862-89b1-a653fa9cf747";
      replay("arm_roleAssignments_create_subscription", "broker", Map.of("05c5a614-a7d6-4502-b150-c2fb455033ff", name));
      assertMatches("arm_roleAssignments_delete", replay("arm_roleAssignments_delete", "broker"));
      assertThat(replay("arm_roleAssignments_delete", "broker").status()).isEqualTo(204);
    }

    @Test
    void permissionsForResourceGroup() {
      var reply = replay("arm_permissions_listForResourceGroup", "ci");
      assertMatches("arm_permissions_listForResourceGroup", reply);
      assertThat(reply.json().path("value")).hasSize(1);
    }
  }

  @Nested
  class Approvals {
    private String openApproval() {
      var pending = scheduleRequest(ALICE, CONTRIBUTOR, "SelfActivate", "PT2H", "deploy");
      ((com.fasterxml.jackson.databind.node.ObjectNode) pending.get("properties")).putObject("ticketInfo")
          .put("ticketNumber", "CHG-1").put("ticketSystem", "SNOW");
      String approvalId = arm.put("alice", requests(SUB_SCOPE, newName()), pending).prop("approvalId");
      String id = approvalId.substring(approvalId.lastIndexOf('/') + 1);
      ids.put("488a6d0e-0a63-4946-86e3-1f5bbc934661", id);
      String stage = arm.get("bob", approvalId + "?api-version=2021-01-01-preview").json()
          .path("properties").path("stages").get(0).path("name").asText();
      ids.put("4135f961-be78-4005-8101-c72a5af307a2", stage);
      return id;
    }

    @Test
    void approvalGet() {
      openApproval();
      assertMatches("arm_roleAssignmentApprovals_get", replay("arm_roleAssignmentApprovals_get", "bob"));
    }

    @Test
    void stagePatchApprove() {
      openApproval();
      var reply = replay("arm_roleAssignmentApprovals_stage_patch_approve", "bob");
      assertMatches("arm_roleAssignmentApprovals_stage_patch_approve", reply);
      assertThat(reply.prop("reviewResult")).isEqualTo("Approve");
    }
  }

  @Nested
  class Errors {
    @Test
    void authorizationFailed403() {
      // The logged request line carries no api-version; ARM would refuse that first, so we add one.
      assertThat(replay("arm_error_authorizationFailed_403", "alice").code()).isEqualTo("MissingApiVersionParameter");
      var reply = arm.get("alice", adapt(VectorShape.vector("arm_error_authorizationFailed_403").path("request").path("url").asText())
          + "?api-version=2023-09-01");
      assertSameError("arm_error_authorizationFailed_403", reply, false);
      assertThat(reply.message()).contains("does not have authorization to perform action 'Microsoft.Network/virtualNetworks/subnets/read'");
    }

    @Test
    void activeDurationTooShort() {
      activateDave();
      var reply = replay("arm_error_roleAssignmentScheduleRequests_activeDurationTooShort", "dave",
          Map.of("{newGuid}", newName(), "{callerObjectId}", DAVE, "{roleGuid}", READER));
      assertSameError("arm_error_roleAssignmentScheduleRequests_activeDurationTooShort", reply, true);
    }

    @Test
    void roleAssignmentExists409() {
      Map<String, String> ids = Map.of("{scope}", SUB_SCOPE.substring(1), "{newGuid}", newName(),
          "{same roleDefinitionId as an existing assignment}", SUB_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions/" + READER,
          "{same principalId}", CI);
      var reply = replay("arm_error_roleAssignments_exists_409", "broker", ids);
      assertSameError("arm_error_roleAssignments_exists_409", reply, true);
    }

    @Test
    void eligibilityPolicyValidationFailed() {
      var reply = replay("arm_error_roleEligibilityScheduleRequests_policyValidationFailed", "broker");
      assertSameError("arm_error_roleEligibilityScheduleRequests_policyValidationFailed", reply, true);
    }
  }
}
