package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.BROKER;
import static dev.jitelevate.emulator.graph.GraphFixture.BROKER_APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationRoutesTest {
  private static final String CI_APP_ID = "c1c1c1c1-0000-4000-8000-0000000000a1";
  private final GraphFixture graph = new GraphFixture(Scenario.demo());
  private final String reader = graph.appToken(BROKER, Set.of("Application.Read.All"));

  private static JsonNode ok(EmulatorResponse response) {
    assertThat(response.status()).as(new String(response.body())).isEqualTo(200);
    return response.bodyJson();
  }

  private static List<String> subjects(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("value").forEach(c -> out.add(c.path("subject").asText()));
    return out;
  }

  @Test
  void federatedCredentialsAreListedByAppIdInGraphsShape() {
    JsonNode list = ok(graph.get(reader, "/v1.0/applications(appId='" + CI_APP_ID + "')/federatedIdentityCredentials"));

    assertThat(list.path("@odata.context").asText()).contains("$metadata#applications('").endsWith("/federatedIdentityCredentials");
    assertThat(subjects(list)).containsExactly("repo:contoso/payments:ref:refs/heads/main",
        "repo:contoso/payments:environment:production", "repo:contoso/payments:pull_request");
    JsonNode first = list.path("value").get(0);
    assertThat(first.path("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(first.path("name").asText()).isEqualTo("main");
    assertThat(first.path("issuer").asText()).isEqualTo("https://token.actions.githubusercontent.com");
    assertThat(first.path("audiences").get(0).asText()).isEqualTo("api://AzureADTokenExchange");
    assertThat(first.has("description")).isTrue();
  }

  @Test
  void theApplicationObjectIdIsNotTheServicePrincipalsAndServesTheSameCredentials() {
    JsonNode app = ok(graph.get(reader, "/v1.0/applications(appId='" + BROKER_APP_ID + "')"));
    String objectId = app.path("id").asText();
    assertThat(objectId).isNotEqualTo(BROKER);
    assertThat(app.path("appId").asText()).isEqualTo(BROKER_APP_ID);

    JsonNode byId = ok(graph.get(reader, "/v1.0/applications/" + objectId + "/federatedIdentityCredentials"));
    JsonNode byAppId = ok(graph.get(reader, "/v1.0/applications(appId='" + BROKER_APP_ID + "')/federatedIdentityCredentials"));
    assertThat(subjects(byId)).isEqualTo(subjects(byAppId)).hasSize(2);
    String credentialId = byId.path("value").get(1).path("id").asText();
    assertThat(ok(graph.get(reader, "/v1.0/applications/" + objectId + "/federatedIdentityCredentials/" + credentialId))
        .path("name").asText()).isEqualTo("production");
  }

  @Test
  void readingCredentialsNeedsApplicationReadAll() {
    EmulatorResponse denied = graph.get(graph.appToken(BROKER, Set.of("Directory.Read.All")),
        "/v1.0/applications(appId='" + CI_APP_ID + "')/federatedIdentityCredentials");

    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.bodyJson().path("error").path("code").asText()).isEqualTo("Authorization_RequestDenied");
  }

  @Test
  void anUnknownApplicationIsRequestResourceNotFound() {
    EmulatorResponse missing = graph.get(reader, "/v1.0/applications(appId='00000000-0000-0000-0000-00000000dead')"
        + "/federatedIdentityCredentials");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.bodyJson().path("error").path("code").asText()).isEqualTo("Request_ResourceNotFound");
  }

  @Test
  void aServicePrincipalsGraphPermissionsAreAppRoleAssignmentsOnMicrosoftGraph() {
    JsonNode list = ok(graph.get(graph.appToken(BROKER, Set.of("Directory.Read.All")),
        "/v1.0/servicePrincipals/" + BROKER + "/appRoleAssignments"));

    List<String> ids = new ArrayList<>();
    list.path("value").forEach(a -> {
      assertThat(a.path("resourceDisplayName").asText()).isEqualTo("Microsoft Graph");
      assertThat(a.path("principalId").asText()).isEqualTo(BROKER);
      ids.add(a.path("appRoleId").asText());
    });
    assertThat(ids).contains("9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8", "41202f2c-f7ab-45be-b001-85c9728b9d69")
        .hasSize(5);
    assertThat(ok(graph.get(reader, "/v1.0/servicePrincipals(appId='" + BROKER_APP_ID + "')/appRoleAssignments"))
        .path("value")).hasSize(5);
  }

  @Test
  void theServicePrincipalItselfIsStillServedByTheLookups() {
    assertThat(ok(graph.get(graph.appToken(BROKER, Set.of("Application.Read.All")),
        "/v1.0/servicePrincipals(appId='" + BROKER_APP_ID + "')")).path("id").asText()).isEqualTo(BROKER);
  }
}
