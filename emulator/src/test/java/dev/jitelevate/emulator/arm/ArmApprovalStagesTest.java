package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two approval stages in series on ARM: Bob approves stage 1, then Dave stage 2, before the request provisions. */
class ArmApprovalStagesTest {
  private static final String APPROVALS = "/providers/Microsoft.Authorization/roleAssignmentApprovals";
  private static final String PREVIEW = "?api-version=2021-01-01-preview";
  private final ArmFixture arm = new ArmFixture();

  ArmApprovalStagesTest() {
    arm.surface.load(new Scenario(scenario(2)));
  }

  /** The test scenario plus Alice eligible for Reader at rg-app under a policy with the given number of stages. */
  private static ObjectNode scenario(int stages) {
    ObjectNode root = Scenario.classpath("/arm/arm-test-scenario.json").root().deepCopy();
    ObjectNode armNode = (ObjectNode) root.get("arm");
    ((ArrayNode) armNode.get("eligibilities")).addObject().put("principalId", ALICE).put("role", "Reader").put("scope", RG_APP);
    ObjectNode policy = ((ArrayNode) armNode.get("policies")).addObject();
    policy.put("role", "Reader").put("scope", RG_APP).put("requireJustification", true).put("requireApproval", true);
    ArrayNode list = policy.putArray("approvalStages");
    String[] approvers = {BOB, DAVE, CAROL};
    for (int i = 0; i < stages; i++) {
      list.addObject().putArray("approvers").add(approvers[i]);
    }
    return root;
  }

  private String request() {
    String name = newName();
    var reply = arm.put("alice", requests(RG_APP, name), scheduleRequest(ALICE, READER, "SelfActivate", "PT1H", "read logs"));
    assertThat(reply.prop("status")).isEqualTo("PendingApproval");
    return name;
  }

  private String approvalId(String name) {
    String id = arm.get("alice", requests(RG_APP, name)).prop("approvalId");
    return id.substring(id.lastIndexOf('/') + 1);
  }

  private JsonNode stages(String caller, String approvalId) {
    return arm.get(caller, APPROVALS + "/" + approvalId + PREVIEW).json().path("properties").path("stages");
  }

  private ArmFixture.Reply decide(String caller, JsonNode stage, String result) {
    return arm.send("PATCH", caller, stage.path("id").asText() + PREVIEW,
        "{\"properties\":{\"reviewResult\":\"" + result + "\",\"justification\":\"checked\"}}");
  }

  @Test
  void thePolicyReadsBackBothStagesInSerialMode() {
    JsonNode policy = arm.get("broker", RG_APP + "/providers/Microsoft.Authorization/roleManagementPolicies?api-version=" + PIM
        + "&$filter=roleDefinitionId%20eq%20'" + RG_APP + "/providers/Microsoft.Authorization/roleDefinitions/" + READER + "'")
        .json().path("value").get(0);
    JsonNode setting = null;
    for (JsonNode rule : policy.path("properties").path("rules")) {
      if (rule.path("id").asText().equals("Approval_EndUser_Assignment")) setting = rule.path("setting");
    }
    assertThat(setting.path("approvalMode").asText()).isEqualTo("Serial");
    assertThat(setting.path("approvalStages")).hasSize(2);
    assertThat(setting.path("approvalStages").get(0).path("primaryApprovers").get(0).path("id").asText()).isEqualTo(BOB);
    assertThat(setting.path("approvalStages").get(1).path("primaryApprovers").get(0).path("id").asText()).isEqualTo(DAVE);
  }

  @Test
  void theRequestStaysPendingUntilEachStageIsApprovedByItsOwnApprover() {
    String name = request();
    String id = approvalId(name);
    JsonNode stages = stages("dave", id);
    assertThat(stages).hasSize(2);
    assertThat(stages.get(0).path("properties").path("status").asText()).isEqualTo("InProgress");
    assertThat(stages.get(1).path("properties").path("status").asText()).isEqualTo("Initializing");
    assertThat(stages.get(1).path("properties").path("assignedToMe").asBoolean()).isFalse();
    assertThat(decide("dave", stages.get(1), "Approve").code()).isEqualTo("ApprovalStageCompleted");
    assertThat(decide("dave", stages.get(0), "Approve").code()).isEqualTo("ApproverNotAuthorized");
    assertThat(arm.get("dave", APPROVALS + PREVIEW + "&$filter=asApprover()").json().path("value")).isEmpty();

    assertThat(decide("bob", stages.get(0), "Approve").status()).isEqualTo(200);
    assertThat(arm.get("alice", requests(RG_APP, name)).prop("status")).isEqualTo("PendingApproval");
    JsonNode after = stages("dave", id);
    assertThat(after.get(0).path("properties").path("status").asText()).isEqualTo("Completed");
    assertThat(after.get(1).path("properties").path("status").asText()).isEqualTo("InProgress");
    assertThat(after.get(1).path("properties").path("assignedToMe").asBoolean()).isTrue();
    assertThat(arm.get("dave", APPROVALS + PREVIEW + "&$filter=asApprover()").json().path("value")).hasSize(1);
    assertThat(arm.get("bob", APPROVALS + PREVIEW + "&$filter=asApprover()").json().path("value")).isEmpty();
    assertThat(decide("bob", after.get(1), "Approve").code()).isEqualTo("ApproverNotAuthorized");

    assertThat(decide("dave", after.get(1), "Approve").prop("reviewResult")).isEqualTo("Approve");
    assertThat(arm.get("alice", requests(RG_APP, name)).prop("status")).isEqualTo("Provisioned");
  }

  @Test
  void aDenialAtTheFirstStageDeniesTheRequestAndTheSecondNeverOpens() {
    String name = request();
    JsonNode stages = stages("bob", approvalId(name));
    decide("bob", stages.get(0), "Deny");
    assertThat(arm.get("alice", requests(RG_APP, name)).prop("status")).isEqualTo("Denied");
    assertThat(decide("dave", stages.get(1), "Approve").code()).isEqualTo("ApprovalStageCompleted");
  }

  @Test
  void aDenialAtTheSecondStageDeniesTheRequest() {
    String name = request();
    JsonNode stages = stages("bob", approvalId(name));
    decide("bob", stages.get(0), "Approve");
    decide("dave", stages.get(1), "Deny");
    assertThat(arm.get("alice", requests(RG_APP, name)).prop("status")).isEqualTo("Denied");
  }

  @Test
  void theSecondStageTimesOutCountingFromWhenItOpened() {
    arm.hazards(h -> h.withApprovalStageTimeout(Duration.ofMinutes(10)));
    String name = request();
    arm.advance(Duration.ofMinutes(8));
    decide("bob", stages("bob", approvalId(name)).get(0), "Approve");
    arm.advance(Duration.ofMinutes(8));
    assertThat(arm.get("alice", requests(RG_APP, name)).prop("status")).isEqualTo("PendingApproval");
    arm.advance(Duration.ofMinutes(3));
    assertThat(arm.get("alice", requests(RG_APP, name)).prop("status")).isEqualTo("TimedOut");
  }

  @Test
  void aScenarioWithThreeStagesIsRefusedWhenLoading() {
    Scenario three = new Scenario(Json.parse(scenario(3).toString().getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> arm.surface.load(three))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has 3 stages; Azure allows one or two");
  }
}
