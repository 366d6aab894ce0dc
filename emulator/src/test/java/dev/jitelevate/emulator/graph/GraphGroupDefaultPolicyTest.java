package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Azure's default PIM for Groups policy, after the vector of Graph's "List roleManagementPolicyAssignments"
 * (example 4: a group's ownership policy, never modified): activation with justification only, admin assignments
 * and eligibilities required to expire.
 */
class GraphGroupDefaultPolicyTest {
  private static final String BASE = "/v1.0/identityGovernance/privilegedAccess/group/";
  private static final String POLICY_OF = "/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '"
      + PIM_GROUP + "' and scopeType eq 'Group' and roleDefinitionId eq '%s'&$expand=policy($expand=rules)";
  private final GraphFixture graph = withoutGroupPolicies();

  /** The test scenario with its PIM group but no policy entries for it, so Azure's default is in force. */
  private static GraphFixture withoutGroupPolicies() {
    ObjectNode root = Scenario.classpath("/graph/graph-test-scenario.json").root().deepCopy();
    ((ObjectNode) root.path("pimGroups")).putArray("policies");
    return new GraphFixture(new Scenario(root));
  }

  private JsonNode rulesOf(String accessId) {
    return graph.get(graph.appToken(BROKER), String.format(POLICY_OF, accessId)).bodyJson()
        .path("value").path(0).path("policy").path("rules");
  }

  private static String failedRules(EmulatorResponse response) {
    assertThat(response.status()).as(new String(response.body())).isEqualTo(400);
    return response.bodyJson().path("error").path("message").asText();
  }

  private static String withExpiration(String body, String expiration) {
    return body.replaceFirst("\\{\"type\":\"afterDuration\",\"duration\":\"[^\"]*\"}", expiration);
  }

  @Test
  void bothAccessesOfAGroupWithoutAScenarioEntryHaveExactlyTheRulesOfAzuresDefaultGroupPolicy() {
    JsonNode expected = dev.jitelevate.emulator.testing.VectorShape
        .vector("graph_groups_roleManagementPolicyAssignments_list_expandPolicyRules")
        .path("response").path("body").path("value").path(0).path("policy").path("rules");
    assertThat(expected).hasSize(17);
    assertThat(rulesOf("owner")).isEqualTo(expected);
    assertThat(rulesOf("member")).isEqualTo(expected);
  }

  @Test
  void anActivationUnderTheDefaultGroupPolicyNeedsAJustificationButNoMfa() {
    String request = groupRequest("selfActivate", ALICE, "member", "PT1H");
    String withoutJustification = request.replace("\"justification\":\"deploy\"", "\"justification\":null");
    assertThat(failedRules(graph.post(graph.userToken(ALICE, USER_SCOPES, false), BASE + "assignmentScheduleRequests",
        withoutJustification))).contains("JustificationRule").doesNotContain("MfaRule");

    EmulatorResponse withoutMfa = graph.post(graph.userToken(ALICE, USER_SCOPES, false),
        BASE + "assignmentScheduleRequests", request);
    assertThat(withoutMfa.status()).as(new String(withoutMfa.body())).isEqualTo(201);
  }

  @Test
  void aPermanentOrLongerThanHundredEightyDaysAdminAssignmentBreaksTheDefaultExpirationRule() {
    String request = groupRequest("adminAssign", BOB, "member", "P181D");
    assertThat(failedRules(graph.post(graph.appToken(BROKER), BASE + "assignmentScheduleRequests", request)))
        .contains("ExpirationRule");
    assertThat(failedRules(graph.post(graph.appToken(BROKER), BASE + "assignmentScheduleRequests",
        withExpiration(request, "{\"type\":\"noExpiration\"}")))).contains("ExpirationRule");

    EmulatorResponse bounded = graph.post(graph.appToken(BROKER), BASE + "assignmentScheduleRequests",
        groupRequest("adminAssign", BOB, "member", "P180D"));
    assertThat(bounded.status()).as(new String(bounded.body())).isEqualTo(201);
  }

  @Test
  void aPermanentEligibilityBreaksTheDefaultExpirationRuleWhileAYearIsAccepted() {
    String request = groupRequest("adminAssign", CAROL, "member", "P365D");
    assertThat(failedRules(graph.post(graph.appToken(BROKER), BASE + "eligibilityScheduleRequests",
        withExpiration(request, "{\"type\":\"noExpiration\"}")))).contains("ExpirationRule");

    EmulatorResponse year = graph.post(graph.appToken(BROKER), BASE + "eligibilityScheduleRequests", request);
    assertThat(year.status()).as(new String(year.body())).isEqualTo(201);
  }
}
