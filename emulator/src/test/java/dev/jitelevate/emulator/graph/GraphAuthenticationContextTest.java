package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphAuthenticationContextTest {
  private static final String ASSIGNMENTS = "/v1.0/policies/roleManagementPolicyAssignments";
  private static final String REQUESTS = "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests";
  private final GraphFixture graph = new GraphFixture();

  @BeforeEach
  void requireContextC1ForUserAdministrator() {
    String policyId = graph.get(graph.appToken(BROKER), ASSIGNMENTS + "?$filter=scopeId eq '/' and scopeType eq"
        + " 'DirectoryRole' and roleDefinitionId eq '" + USER_ADMIN + "'").bodyJson().path("value").get(0)
        .path("policyId").asText();
    String admin = graph.appToken(BROKER, Set.of("RoleManagementPolicy.ReadWrite.Directory"));
    EmulatorResponse patched = graph.patch(admin, "/v1.0/policies/roleManagementPolicies/" + policyId
        + "/rules/AuthenticationContext_EndUser_Assignment", "{\"@odata.type\":\"#microsoft.graph."
        + "unifiedRoleManagementPolicyAuthenticationContextRule\",\"id\":\"AuthenticationContext_EndUser_Assignment\","
        + "\"isEnabled\":true,\"claimValue\":\"c1\"}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.bodyJson().path("claimValue").asText()).isEqualTo("c1");
  }

  @Test
  void aTokenWithoutTheContextGetsPimsOwnErrorInsideAnUnknownError() {
    EmulatorResponse refused = graph.post(graph.userToken(ALICE), REQUESTS, selfActivate(ALICE, USER_ADMIN, "PT1H", "x"));
    assertThat(refused.status()).isEqualTo(400);
    JsonNode error = refused.bodyJson().path("error");
    assertThat(error.path("code").asText()).isEqualTo("UnknownError");
    JsonNode inner = Json.parse(error.path("message").asText().getBytes(StandardCharsets.UTF_8));
    assertThat(inner.path("errorCode").asText()).isEqualTo("RoleAssignmentRequestAcrsValidationFailed");
    assertThat(inner.path("message").asText()).isEqualTo("&claims=%7B%22access_token%22%3A%7B%22acrs%22%3A%7B%22"
        + "essential%22%3Atrue%2C%20%22value%22%3A%22c1%22%7D%7D%7D");
  }

  @Test
  void aTokenCarryingTheContextActivates() {
    EmulatorResponse accepted = graph.post(graph.userTokenWithContexts(ALICE, Set.of("c1")), REQUESTS,
        selfActivate(ALICE, USER_ADMIN, "PT1H", "x"));
    assertThat(accepted.status()).isEqualTo(201);
  }

  @Test
  void aContextOtherThanTheRequiredOneDoesNotCount() {
    EmulatorResponse refused = graph.post(graph.userTokenWithContexts(ALICE, Set.of("c2")), REQUESTS,
        selfActivate(ALICE, USER_ADMIN, "PT1H", "x"));
    assertThat(refused.bodyJson().path("error").path("message").asText()).contains("AcrsValidationFailed");
  }
}
