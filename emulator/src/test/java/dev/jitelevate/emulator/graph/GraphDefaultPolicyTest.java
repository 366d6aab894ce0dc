package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.testing.VectorShape;
import org.junit.jupiter.api.Test;

/** Azure's default directory-role policy, after the vector of Graph's "List roleManagementPolicyAssignments". */
class GraphDefaultPolicyTest {
  private static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
  private static final String POLICY_OF = "/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/'"
      + " and scopeType eq 'DirectoryRole' and roleDefinitionId eq '%s'&$expand=policy($expand=rules)";
  private final GraphFixture graph = new GraphFixture();

  @Test
  void aRoleWithoutAScenarioEntryHasExactlyTheRulesOfAzuresDefaultPolicy() {
    JsonNode expected = VectorShape.vector("graph_roleManagementPolicyAssignments_list_expandPolicyRules")
        .path("response").path("body").path("value").path(0).path("policy").path("rules");
    assertThat(rulesOf(graph, GLOBAL_ADMIN)).isEqualTo(expected);
  }

  @Test
  void anActivationOfARoleUnderTheDefaultPolicyNeedsMfa() {
    ObjectNode root = Scenario.classpath("/graph/graph-test-scenario.json").root().deepCopy();
    ((ObjectNode) root.path("directory")).putArray("policies");
    GraphFixture defaults = new GraphFixture(new Scenario(root));
    String request = selfActivate(ALICE, USER_ADMIN, "PT1H", "rotate keys");
    var withoutMfa = defaults.post(defaults.userToken(ALICE, USER_SCOPES, false),
        "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests", request);
    assertThat(withoutMfa.status()).isEqualTo(400);
    assertThat(withoutMfa.bodyJson().path("error").path("message").asText()).contains("MfaRule");
    var withMfa = defaults.post(defaults.userToken(ALICE, USER_SCOPES, true),
        "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests", request);
    assertThat(withMfa.status()).isEqualTo(201);
  }

  @Test
  void anAdminAssignmentLongerThanHundredEightyDaysBreaksTheDefaultExpirationRule() {
    var tooLong = graph.post(graph.appToken(BROKER), "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests",
        roleRequest("adminAssign", CAROL, GLOBAL_ADMIN, "{\"type\":\"AfterDuration\",\"duration\":\"P181D\"}"));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.bodyJson().path("error").path("message").asText()).contains("ExpirationRule");
  }

  @Test
  void aScenarioStatesNotificationRulesAndTheyAreReadBack() {
    ObjectNode root = Scenario.classpath("/graph/graph-test-scenario.json").root().deepCopy();
    ObjectNode entry = ((com.fasterxml.jackson.databind.node.ArrayNode) root.path("directory").path("policies"))
        .addObject().put("role", "Global Administrator");
    ObjectNode rule = entry.putObject("notifications").putObject("Notification_Admin_EndUser_Assignment");
    rule.put("notificationLevel", "Critical").put("isDefaultRecipientsEnabled", false);
    rule.putArray("notificationRecipients").add("secops@contoso.com");
    GraphFixture stated = new GraphFixture(new Scenario(root));
    JsonNode read = null;
    for (JsonNode r : rulesOf(stated, GLOBAL_ADMIN)) {
      if (r.path("id").asText().equals("Notification_Admin_EndUser_Assignment")) read = r;
    }
    assertThat(read).isNotNull();
    assertThat(read.path("notificationLevel").asText()).isEqualTo("Critical");
    assertThat(read.path("isDefaultRecipientsEnabled").asBoolean()).isFalse();
    assertThat(read.path("notificationRecipients").get(0).asText()).isEqualTo("secops@contoso.com");
  }

  private static JsonNode rulesOf(GraphFixture fixture, String roleId) {
    return fixture.get(fixture.appToken(BROKER), String.format(POLICY_OF, roleId)).bodyJson()
        .path("value").path(0).path("policy").path("rules");
  }
}
