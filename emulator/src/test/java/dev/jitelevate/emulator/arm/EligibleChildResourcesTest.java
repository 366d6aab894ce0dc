package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibleChildResourcesTest {
  private final ArmFixture arm = new ArmFixture();

  private List<String> names(String caller, String scope, String filter) {
    JsonNode value = arm.get(caller, scope + "/providers/Microsoft.Authorization/eligibleChildResources?api-version=" + PIM
        + filter).json().path("value");
    List<String> out = new ArrayList<>();
    value.forEach(v -> out.add(v.path("type").asText() + ":" + v.path("name").asText()));
    return out;
  }

  @Test
  void onlyTheChildrenOnWhichTheCallerIsEligibleAreListed() {
    arm.put("broker", SUB_SCOPE + "/resourceGroups/rg-data/providers/Microsoft.Authorization/roleEligibilityScheduleRequests/"
        + newName() + "?api-version=" + PIM, scheduleRequest(DAVE, READER, "AdminAssign", "P30D", "on call"));
    assertThat(names("dave", SUB_SCOPE, "")).containsExactly("resourcegroup:rg-data");
    assertThat(names("alice", SUB_SCOPE, "")).as("eligible at the subscription").containsExactly(
        "resourcegroup:rg-app", "resourcegroup:rg-data");
    assertThat(names("bob", SUB_SCOPE, "")).isEmpty();
  }

  @Test
  void aManagementGroupListsItsSubscriptionsAndTheFilterNarrowsByType() {
    assertThat(names("alice", "/providers/Microsoft.Management/managementGroups/mg-contoso", ""))
        .containsExactly("subscription:Contoso Production");
    assertThat(names("alice", SUB_SCOPE, "&$filter=resourceType%20eq%20'subscription'")).isEmpty();
    assertThat(names("alice", RG_APP, "")).containsExactly("microsoft.keyvault/vaults:kv-jit-demo");
  }
}
