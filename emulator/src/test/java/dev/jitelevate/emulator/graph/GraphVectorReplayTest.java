package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.testing.VectorShape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Replays every {@code graph_*} reference vector against the surface: ids are mapped onto the test scenario,
 * then the status must match and the body must have the vector's shape (error vectors: the same code).
 */
class GraphVectorReplayTest {
  private static final String GROUP_REQUESTS = "/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests";
  private final GraphFixture graph = new GraphFixture();

  /** Sends the vector's request with ids replaced; returns the response after checking status and shape. */
  private EmulatorResponse replay(String name, String token, Map<String, String> ids) {
    JsonNode vector = VectorShape.vector(name);
    JsonNode request = vector.path("request");
    String path = substitute(request.path("url").asText().replace("https://graph.microsoft.com", ""), ids);
    JsonNode body = request.path("body");
    EmulatorResponse response = graph.send(request.path("method").asText(), token, path,
        body.isMissingNode() || body.isNull() ? null : substitute(body.toString(), ids));
    JsonNode expected = vector.path("response");
    assertThat(response.status()).as(new String(response.body())).isEqualTo(expected.path("status").asInt());
    JsonNode expectedBody = expected.path("body");
    if (expectedBody.has("error")) {
      assertThat(response.bodyJson().path("error").path("code").asText())
          .isEqualTo(expectedBody.path("error").path("code").asText());
    } else if (!expectedBody.isNull() && !expectedBody.isMissingNode()) {
      VectorShape.assertSameShape(withoutDocBugs(expectedBody), response.bodyJson());
    } else {
      assertThat(response.body()).isEmpty();
    }
    return response;
  }

  /** The group create example puts the context URL under {@code @odata.type}; the service sends {@code @odata.context}. */
  private static JsonNode withoutDocBugs(JsonNode body) {
    if (body.path("@odata.type").asText().startsWith("https://")) {
      ObjectNode copy = body.deepCopy();
      copy.set("@odata.context", copy.remove("@odata.type"));
      return copy;
    }
    return body;
  }

  private static String substitute(String text, Map<String, String> ids) {
    String out = text;
    for (Map.Entry<String, String> e : ids.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  private static Map<String, String> ids(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
    return map;
  }

  private JsonNode pendingGroupOwnerRequest() {
    return graph.post(graph.userToken(ALICE), GROUP_REQUESTS, groupRequest("selfActivate", ALICE, "owner", "PT1H"))
        .bodyJson();
  }

  @Nested
  class DirectoryRoles {
    @Test
    void adminAssignOfAGroupToARoleReplays() {
      replay("graph_roleAssignmentScheduleRequests_create_adminAssign", graph.userToken(DAVE),
          ids("071cc716-8147-4397-a5ba-b2105951cc0b", PIM_GROUP));
    }

    @Test
    void selfActivateReplays() {
      replay("graph_roleAssignmentScheduleRequests_create_selfActivate", graph.userToken(ALICE),
          ids("071cc716-8147-4397-a5ba-b2105951cc0b", ALICE, "8424c6f0-a189-499e-bbd0-26c1753c96d4", USER_ADMIN));
    }

    @Test
    void cancelOfAPendingRequestReplays() {
      JsonNode pending = graph.post(graph.userToken(ALICE),
          "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests",
          selfActivate(ALICE, PRIVILEGED_ROLE_ADMIN, "PT1H", "incident")).bodyJson();
      replay("graph_roleAssignmentScheduleRequests_cancel", graph.userToken(ALICE),
          ids("95c690fb-3eb3-4942-a03f-4524aed6f31e", pending.path("id").asText()));
    }

    @Test
    void activeInstancesOfTheCurrentUserReplay() {
      replay("graph_roleAssignmentScheduleInstances_filterByCurrentUser", graph.userToken(DAVE), ids());
    }

    @Test
    void theGroupPolicyAssignmentWithExpandedRulesReplays() {
      replay("graph_groups_roleManagementPolicyAssignments_list_expandPolicyRules", graph.appToken(BROKER),
          ids("60bba733-f09d-49b7-8445-32369aa066b3", PIM_GROUP));
    }

    @Test
    void eligibleInstancesOfTheCurrentUserReplay() {
      EmulatorResponse response = replay("graph_roleEligibilityScheduleInstances_filterByCurrentUser",
          graph.userToken(ALICE), ids());
      assertThat(response.bodyJson().path("value")).hasSize(2);
    }

    @Test
    void theMfaRuleErrorReplays() {
      replay("graph_error_roleAssignmentScheduleRequests_mfaRule", graph.userToken(ALICE, USER_SCOPES, false),
          ids("{callerObjectId}", ALICE, "{roleDefinitionId}", PRIVILEGED_ROLE_ADMIN, "{now}", "2026-03-01T08:00:00Z"));
    }

    @Test
    void theRoleAssignmentExistsErrorOfAnEligibilityReplays() {
      replay("graph_error_roleEligibilityScheduleRequests_roleAssignmentExists", graph.appToken(BROKER),
          ids("e6a73948-a522-49a8-bc26-af134a1bf4a3", CAROL));
    }

    @Test
    void policyAssignmentsWithExpandedRulesReplay() {
      replay("graph_roleManagementPolicyAssignments_list_expandPolicyRules", graph.appToken(BROKER), ids());
    }
  }

  @Nested
  class Groups {
    @Test
    void selfActivateReplays() {
      replay("graph_groups_assignmentScheduleRequests_create_selfActivate", graph.userToken(ALICE),
          ids("3cce9d87-3986-4f19-8335-7ed075408ca2", ALICE, "2b5ed229-4072-478d-9504-a047ebd4b07d", PIM_GROUP));
    }

    @Test
    void cancelReplays() {
      JsonNode pending = pendingGroupOwnerRequest();
      replay("graph_groups_assignmentScheduleRequests_cancel", graph.userToken(ALICE),
          ids("f4b57a8c-da56-4ae0-8aef-65c3a043dab4", pending.path("id").asText()));
    }

    @Test
    void instancesByGroupReplay() {
      replay("graph_groups_assignmentScheduleInstances_list_byGroup", graph.appToken(BROKER),
          ids("2b5ed229-4072-478d-9504-a047ebd4b07d", PIM_GROUP));
    }

    @Test
    void eligibleInstancesOfTheCurrentUserReplay() {
      replay("graph_groups_eligibilityScheduleInstances_filterByCurrentUser", graph.userToken(ALICE), ids());
    }

    @Test
    void approvingAStageReplaysOnTheGroupApprovalPath() {
      JsonNode pending = pendingGroupOwnerRequest();
      String approvalId = pending.path("approvalId").asText();
      String stageId = graph.get(graph.userToken(BOB),
          "/v1.0/identityGovernance/privilegedAccess/group/assignmentApprovals/" + approvalId).bodyJson()
          .path("stages").get(0).path("id").asText();
      replay("graph_approvalStage_patch_approve", graph.userToken(BOB), ids(
          "/identityGovernance/entitlementManagement/accessPackageAssignmentApprovals/",
          "/identityGovernance/privilegedAccess/group/assignmentApprovals/",
          "abd306ef-f7b2-4a10-9fd1-493454322489", approvalId, "d4fa4045-4716-436d-aec5-57b0a713f095", stageId));
    }
  }

  @Nested
  class Throttling {
    @Test
    void theThrottlingEnvelopeHasTheDocumentedShape() {
      JsonNode vector = VectorShape.vector("graph_error_throttled_429").path("response");
      EmulatorResponse response = graph.surface.error(429, "TooManyRequests", "Please retry again later.");
      assertThat(response.status()).isEqualTo(429);
      VectorShape.assertSameShape(vector.path("body"), response.bodyJson());
      assertThat(response.bodyJson().path("error").path("innerError").path("status").asText()).isEqualTo("429");
    }
  }

  @Test
  void everyGraphVectorIsReplayedHere() throws Exception {
    Set<String> replayed = Set.of("graph_roleAssignmentScheduleRequests_create_adminAssign",
        "graph_roleAssignmentScheduleRequests_create_selfActivate", "graph_roleAssignmentScheduleRequests_cancel",
        "graph_roleAssignmentScheduleInstances_filterByCurrentUser",
        "graph_roleEligibilityScheduleInstances_filterByCurrentUser", "graph_error_roleAssignmentScheduleRequests_mfaRule",
        "graph_error_roleEligibilityScheduleRequests_roleAssignmentExists",
        "graph_roleManagementPolicyAssignments_list_expandPolicyRules",
        "graph_groups_assignmentScheduleRequests_create_selfActivate", "graph_groups_assignmentScheduleRequests_cancel",
        "graph_groups_assignmentScheduleInstances_list_byGroup",
        "graph_groups_eligibilityScheduleInstances_filterByCurrentUser", "graph_approvalStage_patch_approve",
        "graph_groups_roleManagementPolicyAssignments_list_expandPolicyRules",
        "graph_error_throttled_429");
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
        GraphVectorReplayTest.class.getResource("/vectors").toURI()))) {
      Set<String> vectors = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("graph_"))
          .map(n -> n.substring(0, n.length() - ".json".length())).collect(java.util.stream.Collectors.toSet());
      assertThat(replayed).containsExactlyInAnyOrderElementsOf(vectors);
    }
  }
}
