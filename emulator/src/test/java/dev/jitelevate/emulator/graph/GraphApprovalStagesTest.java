package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Scenario;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Two approval stages run in series on directory roles and PIM groups: each stage by its own approvers, in order. */
class GraphApprovalStagesTest {
  private static final String ROLE_REQUESTS = "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests";
  private static final String GROUP_BASE = "/v1.0/identityGovernance/privilegedAccess/group/";
  private static final String STAGES = "[{\"approvers\":[\"" + BOB + "\"]},{\"approvers\":[\"" + DAVE + "\"]}]";

  private static Scenario twoStages() {
    ObjectNode root = Scenario.classpath("/graph/graph-test-scenario.json").root().deepCopy();
    for (JsonNode policy : root.path("directory").path("policies")) {
      if (policy.path("role").asText().equals("Privileged Role Administrator")) {
        ((ObjectNode) policy).remove("approvers");
        ((ObjectNode) policy).set("approvalStages", json(STAGES));
      }
    }
    for (JsonNode policy : root.path("pimGroups").path("policies")) {
      if (policy.path("accessId").asText().equals("owner")) {
        ((ObjectNode) policy).remove("approvers");
        ((ObjectNode) policy).set("approvalStages", json(STAGES));
      }
    }
    return new Scenario(root);
  }

  private final GraphFixture graph = new GraphFixture(twoStages());

  private static String decision(String result) {
    return "{\"reviewResult\":\"" + result + "\",\"justification\":\"checked\"}";
  }

  @Nested
  class DirectoryRoles {
    private JsonNode pending() {
      JsonNode created = graph.post(graph.userToken(ALICE), ROLE_REQUESTS,
          selfActivate(ALICE, PRIVILEGED_ROLE_ADMIN, "PT1H", "incident")).bodyJson();
      assertThat(created.path("status").asText()).isEqualTo("PendingApproval");
      return created;
    }

    private String approvalPath(JsonNode request) {
      return "/beta/roleManagement/directory/roleAssignmentApprovals/" + request.path("approvalId").asText();
    }

    private String status(JsonNode request) {
      return graph.get(graph.userToken(ALICE), ROLE_REQUESTS + "/" + request.path("id").asText()).bodyJson()
          .path("status").asText();
    }

    @Test
    void thePolicyReadsBackBothStagesInSerialMode() {
      JsonNode value = graph.get(graph.appToken(BROKER), "/v1.0/policies/roleManagementPolicyAssignments?$filter="
          + "scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq '" + PRIVILEGED_ROLE_ADMIN
          + "'&$expand=policy($expand=rules)").bodyJson().path("value");
      JsonNode setting = null;
      for (JsonNode rule : value.get(0).path("policy").path("rules")) {
        if (rule.path("id").asText().equals("Approval_EndUser_Assignment")) setting = rule.path("setting");
      }
      assertThat(setting.path("approvalMode").asText()).isEqualTo("Serial");
      assertThat(setting.path("approvalStages")).hasSize(2);
      assertThat(setting.path("approvalStages").get(0).path("primaryApprovers").get(0).path("userId").asText())
          .isEqualTo(BOB);
      assertThat(setting.path("approvalStages").get(1).path("primaryApprovers").get(0).path("userId").asText())
          .isEqualTo(DAVE);
    }

    @Test
    void theRequestStaysPendingUntilBothStagesAreApprovedInOrder() {
      JsonNode request = pending();
      String path = approvalPath(request);
      JsonNode steps = graph.get(graph.userToken(DAVE), path).bodyJson().path("steps");
      assertThat(steps).hasSize(2);
      assertThat(steps.get(0).path("status").asText()).isEqualTo("InProgress");
      assertThat(steps.get(0).path("assignedToMe").asBoolean()).isFalse();
      assertThat(steps.get(1).path("status").asText()).isEqualTo("Initializing");
      assertThat(steps.get(1).path("assignedToMe").asBoolean()).isFalse();
      String first = path + "/steps/" + steps.get(0).path("id").asText();
      String second = path + "/steps/" + steps.get(1).path("id").asText();
      assertThat(graph.patch(graph.userToken(DAVE), second, decision("Approve")).status()).isEqualTo(409);
      assertThat(graph.patch(graph.userToken(DAVE), first, decision("Approve")).status()).isEqualTo(403);

      assertThat(graph.patch(graph.userToken(BOB), first, decision("Approve")).status()).isEqualTo(204);
      assertThat(status(request)).isEqualTo("PendingApproval");
      JsonNode after = graph.get(graph.userToken(DAVE), path).bodyJson().path("steps");
      assertThat(after.get(0).path("status").asText()).isEqualTo("Completed");
      assertThat(after.get(0).path("reviewResult").asText()).isEqualTo("Approved");
      assertThat(after.get(1).path("status").asText()).isEqualTo("InProgress");
      assertThat(after.get(1).path("assignedToMe").asBoolean()).isTrue();
      assertThat(graph.patch(graph.userToken(BOB), second, decision("Approve")).status()).isEqualTo(403);

      assertThat(graph.patch(graph.userToken(DAVE), second, decision("Approve")).status()).isEqualTo(204);
      assertThat(status(request)).isEqualTo("Provisioned");
    }

    @Test
    void aDenialAtTheSecondStageDeniesTheRequest() {
      JsonNode request = pending();
      String path = approvalPath(request);
      JsonNode steps = graph.get(graph.userToken(BOB), path).bodyJson().path("steps");
      graph.patch(graph.userToken(BOB), path + "/steps/" + steps.get(0).path("id").asText(), decision("Approve"));
      graph.patch(graph.userToken(DAVE), path + "/steps/" + steps.get(1).path("id").asText(), decision("Deny"));
      assertThat(status(request)).isEqualTo("Denied");
    }

    @Test
    void onlyTheApproverOfTheStageInProgressSeesTheRequestAsApprover() {
      JsonNode request = pending();
      String mine = ROLE_REQUESTS + "/filterByCurrentUser(on='approver')";
      assertThat(graph.get(graph.userToken(BOB), mine).bodyJson().path("value")).hasSize(1);
      assertThat(graph.get(graph.userToken(DAVE), mine).bodyJson().path("value")).isEmpty();
      String path = approvalPath(request);
      String first = graph.get(graph.userToken(BOB), path).bodyJson().path("steps").get(0).path("id").asText();
      graph.patch(graph.userToken(BOB), path + "/steps/" + first, decision("Approve"));
      assertThat(graph.get(graph.userToken(BOB), mine).bodyJson().path("value")).isEmpty();
      assertThat(graph.get(graph.userToken(DAVE), mine).bodyJson().path("value")).hasSize(1);
    }
  }

  @Nested
  class Groups {
    @Test
    void aDenialAtTheFirstStageDeniesTheOwnershipRequestAndTheSecondStageNeverOpens() {
      JsonNode request = graph.post(graph.userToken(ALICE), GROUP_BASE + "assignmentScheduleRequests",
          groupRequest("selfActivate", ALICE, "owner", "PT1H")).bodyJson();
      assertThat(request.path("status").asText()).isEqualTo("PendingApproval");
      String path = GROUP_BASE + "assignmentApprovals/" + request.path("approvalId").asText();
      JsonNode stages = graph.get(graph.userToken(BOB), path).bodyJson().path("stages");
      assertThat(stages).hasSize(2);
      EmulatorResponse denied = graph.patch(graph.userToken(BOB), path + "/stages/" + stages.get(0).path("id").asText(),
          decision("Deny"));
      assertThat(denied.status()).isEqualTo(204);
      JsonNode after = graph.get(graph.userToken(BOB), path).bodyJson().path("stages");
      assertThat(after.get(0).path("reviewResult").asText()).isEqualTo("Denied");
      assertThat(after.get(1).path("status").asText()).isEqualTo("Initializing");
      assertThat(graph.get(graph.userToken(ALICE), GROUP_BASE + "assignmentScheduleRequests/"
          + request.path("id").asText()).bodyJson().path("status").asText()).isEqualTo("Denied");
      assertThat(graph.patch(graph.userToken(DAVE), path + "/stages/" + after.get(1).path("id").asText(),
          decision("Approve")).status()).isEqualTo(409);
    }

    @Test
    void theGroupPolicyReadsBackBothStages() {
      JsonNode value = graph.get(graph.appToken(BROKER), "/v1.0/policies/roleManagementPolicyAssignments?$filter="
          + "scopeId eq '" + PIM_GROUP + "' and scopeType eq 'Group'&$expand=policy($expand=rules)").bodyJson()
          .path("value");
      JsonNode owner = value.get(0).path("roleDefinitionId").asText().equals("owner") ? value.get(0) : value.get(1);
      JsonNode setting = null;
      for (JsonNode rule : owner.path("policy").path("rules")) {
        if (rule.path("id").asText().equals("Approval_EndUser_Assignment")) setting = rule.path("setting");
      }
      assertThat(setting.path("approvalMode").asText()).isEqualTo("Serial");
      assertThat(setting.path("approvalStages").get(1).path("primaryApprovers").get(0).path("userId").asText())
          .isEqualTo(DAVE);
    }
  }

  @Test
  void aScenarioWithThreeStagesIsRefusedWhenLoading() {
    ObjectNode root = twoStages().root().deepCopy();
    for (JsonNode policy : root.path("pimGroups").path("policies")) {
      if (policy.has("approvalStages")) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) policy.get("approvalStages")).add(json("{\"approvers\":[\""
            + CAROL + "\"]}"));
      }
    }
    assertThatThrownBy(() -> new GraphFixture(new Scenario(root)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has 3 stages; Azure allows one or two");
  }
}
