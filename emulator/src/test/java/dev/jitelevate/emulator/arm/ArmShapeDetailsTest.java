package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Properties each ARM PIM type has, and only that type, as the 2020-10-01 specs define them. */
class ArmShapeDetailsTest {
  private final ArmFixture arm = new ArmFixture();

  @Test
  void originRoleAssignmentIdBelongsToInstancesNotToSchedules() {
    arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_USER, "AdminAssign", "PT30M", "deploy"));
    String filter = "&$filter=principalId%20eq%20'" + CI + "'";
    JsonNode schedule = arm.get("broker", RG_APP + "/providers/Microsoft.Authorization/roleAssignmentSchedules?api-version="
        + PIM + filter).json().path("value").get(0).path("properties");
    JsonNode instance = arm.get("broker", RG_APP + "/providers/Microsoft.Authorization/roleAssignmentScheduleInstances?api-version="
        + PIM + filter).json().path("value").get(0).path("properties");
    assertThat(schedule.has("originRoleAssignmentId")).isFalse();
    assertThat(schedule.has("linkedRoleEligibilityScheduleId")).isTrue();
    assertThat(instance.path("originRoleAssignmentId").asText()).contains("/providers/Microsoft.Authorization/roleAssignments/");
  }

  @Test
  void linkedRoleEligibilityScheduleIdBelongsToAssignmentRequestsOnly() {
    JsonNode eligibility = arm.put("broker", RG_APP + "/providers/Microsoft.Authorization/roleEligibilityScheduleRequests/"
        + newName() + "?api-version=" + PIM, scheduleRequest(ALICE, KV_SECRETS_USER, "AdminAssign", "P30D", "on call"))
        .json().path("properties");
    JsonNode assignment = arm.put("broker", requests(RG_APP, newName()),
        scheduleRequest(CI, KV_SECRETS_USER, "AdminAssign", "PT30M", "deploy")).json().path("properties");
    assertThat(eligibility.path("status").asText()).isEqualTo("Provisioned");
    assertThat(eligibility.has("linkedRoleEligibilityScheduleId")).isFalse();
    assertThat(assignment.has("linkedRoleEligibilityScheduleId")).isTrue();
  }
}
