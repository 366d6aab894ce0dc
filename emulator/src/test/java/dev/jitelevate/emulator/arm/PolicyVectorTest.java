package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.testing.VectorShape;
import org.junit.jupiter.api.Test;

/**
 * ARM's role management policy rules against the real payload of azure-rest-api-specs'
 * {@code GetRoleManagementPolicyByName.json} (vector {@code arm_roleManagementPolicies_get}): a scenario stating
 * that policy's settings, notification rules included, gets exactly its seventeen rules back.
 */
class PolicyVectorTest {
  private static final String[][] NOTIFICATIONS = {
      {"Notification_Admin_Admin_Eligibility", "admin_admin_eligible@test.com"},
      {"Notification_Requestor_Admin_Eligibility", "requestor_admin_eligible@test.com"},
      {"Notification_Approver_Admin_Eligibility", "approver_admin_eligible@test.com"},
      {"Notification_Admin_Admin_Assignment", "admin_admin_member@test.com"},
      {"Notification_Requestor_Admin_Assignment", "requestor_admin_member@test.com"},
      {"Notification_Approver_Admin_Assignment", "approver_admin_member@test.com"},
      {"Notification_Admin_EndUser_Assignment", "admin_enduser_member@test.com"},
      {"Notification_Requestor_EndUser_Assignment", "requestor_enduser_member@test.com"}};

  private final ArmFixture arm = new ArmFixture();

  private static ObjectNode theExamplesSettingsForOwnerAtRgData() {
    ObjectNode root = Scenario.classpath("/arm/arm-test-scenario.json").root().deepCopy();
    ObjectNode policy = ((ArrayNode) root.path("arm").path("policies")).addObject();
    policy.put("role", "Owner").put("scope", RG_DATA).put("maximumDuration", "PT7H")
        .put("requireJustification", true).put("requireTicket", true).put("requireMfa", true)
        .put("requireApproval", true).put("adminAssignmentMaximumDuration", "P90D")
        .put("allowPermanentActiveAssignment", true).put("adminEligibilityMaximumDuration", "P90D")
        .put("allowPermanentEligibility", false).put("requireMfaOnActiveAssignment", true);
    policy.putArray("approvers").add(BOB);
    ObjectNode notifications = policy.putObject("notifications");
    for (String[] n : NOTIFICATIONS) {
      ObjectNode rule = notifications.putObject(n[0]).put("notificationLevel", "Critical")
          .put("isDefaultRecipientsEnabled", false);
      rule.putArray("notificationRecipients").add(n[1]);
    }
    notifications.putObject("Notification_Approver_EndUser_Assignment").put("notificationLevel", "Critical")
        .put("isDefaultRecipientsEnabled", true);
    return root;
  }

  private JsonNode rulesOfOwnerAtRgData() {
    return arm.get("broker", RG_DATA + "/providers/Microsoft.Authorization/roleManagementPolicies?api-version=" + PIM
        + "&$filter=roleDefinitionId%20eq%20'" + RG_DATA + "/providers/Microsoft.Authorization/roleDefinitions/"
        + OWNER + "'").json().path("value").get(0).path("properties").path("rules");
  }

  @Test
  void aScenarioStatingTheSpecExamplesSettingsGetsExactlyItsRules() {
    arm.surface.load(new Scenario(theExamplesSettingsForOwnerAtRgData()));
    ArrayNode expected = VectorShape.vector("arm_roleManagementPolicies_get").path("response").path("body")
        .path("properties").path("rules").deepCopy();
    JsonNode actual = rulesOfOwnerAtRgData();
    for (JsonNode rule : expected) {
      if (rule.path("id").asText().equals("Approval_EndUser_Assignment")) {
        // the example's approvers are two groups of its tenant; the scenario's is Bob, checked below
        ObjectNode stage = (ObjectNode) rule.path("setting").path("approvalStages").get(0);
        stage.set("primaryApprovers", actual.findParent("primaryApprovers").path("primaryApprovers"));
      }
      if (rule.path("notificationRecipients").isNull()) {
        // the example renders "no additional recipients" as null, the emulator as []: the same for every client
        ((ObjectNode) rule).putArray("notificationRecipients");
      }
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.findParent("primaryApprovers").path("primaryApprovers").get(0).path("id").asText())
        .isEqualTo(BOB);
  }

  @Test
  void notificationRulesTheScenarioDoesNotNameKeepAzuresDefault() {
    ObjectNode root = Scenario.classpath("/arm/arm-test-scenario.json").root().deepCopy();
    ObjectNode policy = ((ArrayNode) root.path("arm").path("policies")).addObject().put("role", "Owner")
        .put("scope", RG_DATA);
    policy.putObject("notifications").putObject("Notification_Admin_EndUser_Assignment")
        .put("notificationLevel", "Critical");
    arm.surface.load(new Scenario(root));
    for (JsonNode rule : rulesOfOwnerAtRgData()) {
      String id = rule.path("id").asText();
      if (id.startsWith("Notification_")) {
        assertThat(rule.path("notificationLevel").asText()).as(id)
            .isEqualTo(id.equals("Notification_Admin_EndUser_Assignment") ? "Critical" : "All");
        assertThat(rule.path("isDefaultRecipientsEnabled").asBoolean()).as(id).isTrue();
      }
    }
  }
}
