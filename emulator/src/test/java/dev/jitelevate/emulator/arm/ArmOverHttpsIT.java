package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.testing.DemoTenant.ALICE;
import static dev.jitelevate.emulator.testing.DemoTenant.ALICE_PASSWORD;
import static dev.jitelevate.emulator.testing.DemoTenant.ALICE_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.ARM_SCOPE;
import static dev.jitelevate.emulator.testing.DemoTenant.AZURE_CLI;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB_PASSWORD;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.CONTRIBUTOR;
import static dev.jitelevate.emulator.testing.DemoTenant.SUBSCRIPTION_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ARM surface behind the real HTTPS engine: raw paths, tokens from the emulator's Entra, approvals, hazards. */
class ArmOverHttpsIT extends PerClassEmulator {
  private HttpClient client;

  @BeforeAll
  void start() {
    client = HttpClient.newBuilder().sslContext(emulator.sslContext()).build();
  }

  private JsonNode token(String user, String password, String scope) throws IOException, InterruptedException {
    String form = "grant_type=password&client_id=" + AZURE_CLI + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + password + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
    return send("POST", emulator.tenantId() + "/oauth2/v2.0/token", null, form, "application/x-www-form-urlencoded").json();
  }

  private String bearer(String user, String password) throws IOException, InterruptedException {
    return token(user, password, ARM_SCOPE).path("access_token").asText();
  }

  private record Reply(int status, String body) {
    JsonNode json() {
      return Json.parse(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private Reply send(String method, String path, String token, String body, String type) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (type != null) b.header("Content-Type", type);
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }

  @Test
  void anUnauthenticatedCallGetsArmsErrorEnvelope() throws Exception {
    Reply reply = send("GET", SUBSCRIPTION_SCOPE.substring(1) + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01",
        null, null, null);
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().path("error").path("code").asText()).isEqualTo("AuthenticationFailed");
  }

  @Test
  void anApproverApprovesThroughTheStageEndpointAndTheActivationProvisions() throws Exception {
    String alice = bearer(ALICE_UPN, ALICE_PASSWORD);
    String bob = bearer(BOB_UPN, BOB_PASSWORD);
    String name = UUID.randomUUID().toString();
    String body = "{\"properties\":{\"principalId\":\"" + ALICE + "\",\"roleDefinitionId\":\"" + SUBSCRIPTION_SCOPE
        + "/providers/Microsoft.Authorization/roleDefinitions/" + CONTRIBUTOR + "\",\"requestType\":\"SelfActivate\","
        + "\"justification\":\"hotfix\",\"ticketInfo\":{\"ticketNumber\":\"CHG-9\",\"ticketSystem\":\"SNOW\"},"
        + "\"scheduleInfo\":{\"expiration\":{\"type\":\"AfterDuration\",\"duration\":\"PT2H\"}}}}";
    String request = "/" + SUBSCRIPTION_SCOPE + "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/" + name + "?api-version=2020-10-01";
    Reply created = send("PUT", request.substring(1), alice, body, "application/json");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("properties").path("status").asText()).isEqualTo("PendingApproval");

    JsonNode approvals = send("GET", "providers/Microsoft.Authorization/roleAssignmentApprovals?api-version=2021-01-01-preview&$filter=asApprover()",
        bob, null, null).json().path("value");
    String stage = approvals.get(0).path("properties").path("stages").get(0).path("id").asText();
    Reply decided = send("PATCH", stage.substring(1) + "?api-version=2021-01-01-preview", bob,
        "{\"properties\":{\"reviewResult\":\"Approve\",\"justification\":\"ok\"}}", "application/json");
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);

    assertThat(send("GET", request.substring(1), alice, null, null).json().path("properties").path("status").asText())
        .isEqualTo("Provisioned");
    assertThat(emulator.leaks()).anyMatch(a -> a.surface().equals("arm") && a.requestId().equals(name));
  }

  @Test
  void permissionsOverTheWireHonourThePropagationDelay() throws Exception {
    emulator.hazards(emulator.hazards().withPropagationDelay(Duration.ofSeconds(30)));
    String alice = bearer(ALICE_UPN, ALICE_PASSWORD);
    String rg = SUBSCRIPTION_SCOPE + "/resourceGroups/rg-app";
    String body = "{\"properties\":{\"principalId\":\"" + ALICE + "\",\"roleDefinitionId\":\"" + SUBSCRIPTION_SCOPE
        + "/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7\",\"requestType\":\"SelfActivate\","
        + "\"justification\":\"rotate\",\"scheduleInfo\":{\"expiration\":{\"type\":\"AfterDuration\",\"duration\":\"PT1H\"}}}}";
    Reply created = send("PUT", rg.substring(1) + "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/" + UUID.randomUUID()
        + "?api-version=2020-10-01", alice, body, "application/json");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String permissions = rg.substring(1) + "/providers/Microsoft.Authorization/permissions?api-version=2022-04-01";
    assertThat(send("GET", permissions, alice, null, null).json().path("value")).isEmpty();
    emulator.clock().advance(Duration.ofSeconds(31));
    assertThat(send("GET", permissions, alice, null, null).json().path("value")).hasSize(1);
  }

  @Test
  void anActivationOpensTheKeyVaultDataPlaneOnlyAfterPropagation() throws Exception {
    emulator.hazards(emulator.hazards().withPropagationDelay(Duration.ofSeconds(20)));
    String arm = bearer(ALICE_UPN, ALICE_PASSWORD);
    String vault = token(ALICE_UPN, ALICE_PASSWORD, "https://vault.azure.net/.default")
        .path("access_token").asText();
    String secret = "kv/kv-jit-demo/secrets/db-password?api-version=7.5";
    assertThat(send("GET", secret, vault, null, null).status()).isEqualTo(403);
    String rg = SUBSCRIPTION_SCOPE + "/resourceGroups/rg-app";
    String body = "{\"properties\":{\"principalId\":\"" + ALICE + "\",\"roleDefinitionId\":\"" + SUBSCRIPTION_SCOPE
        + "/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7\",\"requestType\":\"SelfActivate\","
        + "\"justification\":\"rotate\",\"scheduleInfo\":{\"expiration\":{\"type\":\"AfterDuration\",\"duration\":\"PT1H\"}}}}";
    assertThat(send("PUT", rg.substring(1) + "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/" + UUID.randomUUID()
        + "?api-version=2020-10-01", arm, body, "application/json").status()).isEqualTo(201);
    Reply early = send("GET", secret, vault, null, null);
    assertThat(early.status()).isEqualTo(403);
    assertThat(early.body()).contains("ForbiddenByRbac");
    emulator.clock().advance(Duration.ofSeconds(20));
    assertThat(send("GET", secret, vault, null, null).status()).isEqualTo(200);
    emulator.clock().advance(Duration.ofHours(1));
    String fresh = token(ALICE_UPN, ALICE_PASSWORD, "https://vault.azure.net/.default")
        .path("access_token").asText();
    assertThat(send("GET", secret, fresh, null, null).status()).as("expired server-side").isEqualTo(403);
  }
}
