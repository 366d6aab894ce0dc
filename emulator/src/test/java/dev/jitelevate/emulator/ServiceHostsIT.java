package dev.jitelevate.emulator;

import static dev.jitelevate.emulator.testing.DemoTenant.ALICE_PASSWORD;
import static dev.jitelevate.emulator.testing.DemoTenant.ALICE_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.ARM_SCOPE;
import static dev.jitelevate.emulator.testing.DemoTenant.AZURE_CLI;
import static dev.jitelevate.emulator.testing.DemoTenant.GRAPH_SCOPE;
import static dev.jitelevate.emulator.testing.DemoTenant.SUBSCRIPTION_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Azure serves sign-in, ARM and Graph from hosts of their own (login.microsoftonline.com, management.azure.com,
 * graph.microsoft.com); the emulator gives ARM and Graph ports of their own, and its cloud profile names them.
 */
class ServiceHostsIT extends PerClassEmulator {
  private static final String ROLE_DEFINITIONS =
      SUBSCRIPTION_SCOPE.substring(1) + "/providers/Microsoft.Authorization/roleDefinitions?api-version=2022-04-01";

  private String bearer(String scope) throws IOException {
    return http.postForm(emulator.tenantId() + "/oauth2/v2.0/token", EmulatorHttp.form("grant_type", "password",
        "client_id", AZURE_CLI, "username", ALICE_UPN, "password", ALICE_PASSWORD, "scope", scope))
        .json().path("access_token").asText();
  }

  private static int port(String url) {
    return URI.create(url).getPort();
  }

  @Test
  void theCloudProfileNamesArmAndGraphOnPortsOfTheirOwnBesideTheSignInHost() {
    JsonNode profile = Json.parse(emulator.profileJson().getBytes(StandardCharsets.UTF_8));

    assertThat(profile.path("authorityHost").asText()).isEqualTo(emulator.baseUrl());
    assertThat(profile.path("resourceManager").path("endpoint").asText()).isEqualTo(emulator.armBaseUrl());
    assertThat(profile.path("graph").path("endpoint").asText()).isEqualTo(emulator.graphBaseUrl());
    assertThat(java.util.Set.of(port(emulator.baseUrl()), port(emulator.armBaseUrl()), port(emulator.graphBaseUrl())))
        .hasSize(3);
  }

  @Test
  void armsHostPagesItsListsWithNextLinksOnItself() throws IOException {
    String arm = bearer(ARM_SCOPE);

    JsonNode page = http.get(emulator.armBaseUrl() + ROLE_DEFINITIONS, "Authorization", "Bearer " + arm).json();

    assertThat(page.path("value").size()).isPositive();
    assertThat(page.path("nextLink").asText()).startsWith(emulator.armBaseUrl());
    JsonNode next = http.get(page.path("nextLink").asText(), "Authorization", "Bearer " + arm).json();
    assertThat(next.path("value").size()).isPositive();
  }

  @Test
  void graphsHostAnswersGraphWithItsOwnAddressInTheODataContext() throws IOException {
    EmulatorHttp.Response me = http.get(emulator.graphBaseUrl() + "v1.0/me", "Authorization", "Bearer " + bearer(GRAPH_SCOPE));

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("@odata.context").asText()).startsWith(emulator.graphBaseUrl());
  }

  @Test
  void aRequestSentToAnotherServicesHostIsNotFoundAndTheAnswerSaysWhichHostItReached() throws IOException {
    EmulatorHttp.Response graphOnArm = http.get(emulator.armBaseUrl() + "v1.0/me", "Authorization", "Bearer " + bearer(GRAPH_SCOPE));
    EmulatorHttp.Response armOnGraph = http.get(emulator.graphBaseUrl() + ROLE_DEFINITIONS, "Authorization", "Bearer " + bearer(ARM_SCOPE));
    EmulatorHttp.Response signInOnArm = http.get(emulator.armBaseUrl() + emulator.tenantId() + "/v2.0/.well-known/openid-configuration");
    EmulatorHttp.Response adminOnGraph = http.get(emulator.graphBaseUrl() + "_emulator/assignments");

    for (EmulatorHttp.Response wrong : java.util.List.of(graphOnArm, armOnGraph, signInOnArm, adminOnGraph)) {
      assertThat(wrong.status()).isEqualTo(404);
      assertThat(wrong.json().path("error").path("message").asText()).contains("serves it alone");
    }
    assertThat(graphOnArm.json().path("error").path("message").asText()).contains("arm service's host");
  }

  @Test
  void requestsOnEveryPortLandInTheOneJournal() throws IOException {
    String arm = bearer(ARM_SCOPE);
    emulator.clearJournal();

    http.get(emulator.armBaseUrl() + ROLE_DEFINITIONS, "Authorization", "Bearer " + arm);
    http.get(ROLE_DEFINITIONS, "Authorization", "Bearer " + arm);

    assertThat(emulator.journal()).extracting(e -> e.surface()).containsExactly("arm", "arm");
  }
}
