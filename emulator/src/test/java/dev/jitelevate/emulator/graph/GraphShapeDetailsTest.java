package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Annotations and spellings Graph puts on its answers, after the vectors of its docs. */
class GraphShapeDetailsTest {
  private static final String INSTANCES = "/v1.0/roleManagement/directory/roleAssignmentScheduleInstances";
  private final GraphFixture graph = new GraphFixture();

  @Test
  void plainListItemsCarryNoODataTypeButFilterByCurrentUserItemsDo() {
    JsonNode listed = graph.get(graph.appToken(BROKER), INSTANCES + "?$filter=principalId eq '" + DAVE + "'")
        .bodyJson().path("value");
    assertThat(listed).isNotEmpty();
    listed.forEach(item -> assertThat(item.has("@odata.type")).isFalse());
    JsonNode mine = graph.get(graph.userToken(DAVE), INSTANCES + "/filterByCurrentUser(on='principal')")
        .bodyJson().path("value");
    assertThat(mine).isNotEmpty();
    assertThat(mine.get(0).path("@odata.type").asText()).isEqualTo("#microsoft.graph.unifiedRoleAssignmentScheduleInstance");
  }

  @Test
  void aPolicyListAskedForScopeTypeDirectoryAnswersDirectory() {
    String base = "/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq '";
    JsonNode directory = graph.get(graph.appToken(BROKER), base + "Directory'").bodyJson().path("value");
    JsonNode directoryRole = graph.get(graph.appToken(BROKER), base + "DirectoryRole'").bodyJson().path("value");
    assertThat(directory).isNotEmpty();
    directory.forEach(item -> assertThat(item.path("scopeType").asText()).isEqualTo("Directory"));
    directoryRole.forEach(item -> assertThat(item.path("scopeType").asText()).isEqualTo("DirectoryRole"));
  }
}
