package dev.jitelevate.emulator.entra;

import static dev.jitelevate.emulator.testing.DemoTenant.BROKER_APP;
import static dev.jitelevate.emulator.testing.DemoTenant.CI_APP;
import static dev.jitelevate.emulator.testing.DemoTenant.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.HardenedBrokerScenario;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReusableWorkflowClaimsIT extends PerClassEmulator {
  private static final String AUDIENCE = "api://AzureADTokenExchange";

  @Override
  protected PimEmulator.Builder emulatorBuilder() {
    return PimEmulator.builder().scenario(HardenedBrokerScenario.of(Scenario.demo()));
  }

  @Test
  void aJobOfTheCallersWorkflowCarriesItsOwnWorkflowAsJobWorkflowRef() {
    JsonNode claims = claims(emulator.github().idToken(AUDIENCE));

    assertThat(claims.path("job_workflow_ref").asText()).isEqualTo(HardenedBrokerScenario.CALLER_WORKFLOW);
    assertThat(claims.path("job_workflow_sha").asText()).isEqualTo(claims.path("sha").asText());
    assertThat(claims.path("sub").asText()).isEqualTo("repo:contoso/payments:environment:production:job_workflow_ref:"
        + HardenedBrokerScenario.CALLER_WORKFLOW);
  }

  @Test
  void aJobOfAReusableWorkflowCarriesTheCalledWorkflowAndItsCommit() {
    emulator.github().customize(c -> c.withReusableWorkflow(HardenedBrokerScenario.BROKER_WORKFLOW, "a".repeat(40)));

    JsonNode claims = claims(emulator.github().idToken(AUDIENCE));

    assertThat(claims.path("job_workflow_ref").asText()).isEqualTo(HardenedBrokerScenario.BROKER_WORKFLOW);
    assertThat(claims.path("job_workflow_sha").asText()).isEqualTo("a".repeat(40));
    assertThat(claims.path("workflow_ref").asText()).isEqualTo(HardenedBrokerScenario.CALLER_WORKFLOW);
    assertThat(claims.path("sub").asText()).endsWith(":job_workflow_ref:" + HardenedBrokerScenario.BROKER_WORKFLOW);
  }

  @Test
  void theSubjectTemplateIncludesAnyClaimAsKeyAndValue() {
    emulator.github().customize(c -> c.withSubjectClaims(List.of("repository_owner", "context", "event_name")));

    assertThat(claims(emulator.github().idToken(AUDIENCE)).path("sub").asText())
        .isEqualTo("repository_owner:contoso:environment:production:event_name:push");
  }

  @Test
  void theBrokerAcceptsATokenOfTheReusableBrokerWorkflow() throws IOException {
    emulator.github().customize(c -> c.withReusableWorkflow(HardenedBrokerScenario.BROKER_WORKFLOW, "a".repeat(40)));

    assertThat(assertionGrant(BROKER_APP, emulator.github().idToken(AUDIENCE)).status()).isEqualTo(200);
  }

  @Test
  void aStepOfTheWorkJobCannotSignInAsTheBroker() throws IOException {
    EmulatorHttp.Response response = assertionGrant(BROKER_APP, emulator.github().idToken(AUDIENCE));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error_codes").get(0).asInt()).isEqualTo(70021);
    assertThat(response.json().path("error_description").asText()).startsWith("AADSTS70021:")
        .contains(":job_workflow_ref:" + HardenedBrokerScenario.CALLER_WORKFLOW);
  }

  @Test
  void theWorkJobSignsInAsItsWorkloadIdentity() throws IOException {
    assertThat(assertionGrant(CI_APP, emulator.github().idToken(AUDIENCE)).status()).isEqualTo(200);
  }

  private EmulatorHttp.Response assertionGrant(String clientId, String assertion) throws IOException {
    String form = "grant_type=client_credentials&client_id=" + clientId
        + "&scope=" + URLEncoder.encode("https://management.azure.com/.default", StandardCharsets.UTF_8)
        + "&client_assertion_type=" + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
        + "&client_assertion=" + assertion;
    return http.postForm(TENANT + "/oauth2/v2.0/token", form);
  }

  private static JsonNode claims(String jwt) {
    return Json.parse(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }
}
