package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.HardenedBrokerScenario;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hardened pattern through the action: grant job (policy, broker), work job, revoke job (if: always()). */
class HardenedBrokerIT {
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String SUBSCRIPTION = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String SCOPE = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-app";
  static final String BROKER_APP = "b0b0b0b0-0000-4000-8000-0000000000a1";
  static final String CI_APP = "c1c1c1c1-0000-4000-8000-0000000000a1";
  static final String CI_OBJECT = "c1c1c1c1-0000-4000-8000-000000000001";
  static final String POLICY = "version: 1\n"
      + "rules:\n"
      + "  - name: no-pull-requests\n"
      + "    effect: deny\n"
      + "    when:\n"
      + "      event_name: pull_request\n"
      + "  - name: payments-deploy\n"
      + "    effect: allow\n"
      + "    when:\n"
      + "      repository: contoso/payments\n"
      + "      ref: refs/heads/main\n"
      + "      ref_protected: true\n"
      + "      environment: production\n"
      + "      event_name: [push, workflow_dispatch]\n"
      + "      job_workflow_ref: contoso/jit-elevate/.github/workflows/jit-broker.yml@*\n"
      + "    grant:\n"
      + "      target: azure-role\n"
      + "      roles: [Key Vault Secrets Officer]\n"
      + "      scope-prefix: " + SCOPE + "\n"
      + "      max-duration: 1h\n";

  static PimEmulator emulator;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    emulator = PimEmulator.builder().scenario(HardenedBrokerScenario.of(Scenario.demo()))
        .hazards(Hazards.none().withMinimumActiveDuration(Duration.ofSeconds(1))).start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.reset();
  }

  @AfterEach
  void nothingLeaks() {
    assertThat(emulator.leaks()).as("assignments the scenario did not create").isEmpty();
  }

  @Test
  void theThreeJobPatternGrantsWorksAndRevokes() throws Exception {
    inBrokerWorkflow();
    SimulatedRunner.Step grant = brokerJob("grant").input("mode", "grant").mainInProcess();
    assertThat(grant.exitCode()).as(grant.stdout()).isZero();
    assertThat(grant.outputs()).containsEntry("status", "ACTIVE").containsEntry("policy-rule", "payments-deploy");
    assertThat(grant.outputs().get("revocation-handle")).isNotBlank();
    assertThat(emulator.leaks()).as("granted for the work job").isNotEmpty();

    inCallerWorkflow();
    assertThat(signIn(CI_APP).statusCode()).as("the work job signs in as its workload identity").isEqualTo(200);
    HttpResponse<String> asBroker = signIn(BROKER_APP);
    assertThat(asBroker.statusCode()).as("a step of the work job signs in as the broker").isEqualTo(400);
    assertThat(asBroker.body()).contains("AADSTS70021");

    inBrokerWorkflow();
    SimulatedRunner.Step revoke = brokerJob("revoke").input("mode", "revoke")
        .input("revocation-handle", grant.outputs().get("revocation-handle")).mainInProcess();
    assertThat(revoke.exitCode()).as(revoke.stdout()).isZero();
    assertThat(revoke.outputs().get("status")).isEqualTo("SUCCEEDED");
    assertThat(emulator.leaks()).isEmpty();
    String record = Files.readString(dir.resolve("revoke/workspace").resolve(revoke.outputs().get("record-path")));
    assertThat(record).contains("\"broker.policy.rule\"").contains("payments-deploy").contains("REVOKED");
  }

  @Test
  void aRequestOutsideThePolicyEndsWithAnErrorNamingTheRuleAndReachesNeitherArmNorGraph() throws Exception {
    inBrokerWorkflow();
    SimulatedRunner.Step grant = brokerJob("grant").input("mode", "grant").input("duration", "2h").mainInProcess();

    assertThat(grant.exitCode()).isEqualTo(3);
    assertThat(grant.errors()).singleElement().asString().startsWith("::error")
        .contains("DENIED by rule 'payments-deploy'").contains("duration 2h exceeds max-duration 1h");
    assertThat(grant.outputs()).doesNotContainKey("revocation-handle");
    assertThat(emulator.journal()).as("nothing but the OIDC issuer was asked")
        .allSatisfy(j -> assertThat(j.surface()).isEqualTo("github-oidc"));
  }

  @Test
  void aTokenOfAnotherWorkflowIsDeniedByDefault() throws Exception {
    inCallerWorkflow();
    SimulatedRunner.Step grant = brokerJob("grant").input("mode", "grant").mainInProcess();

    assertThat(grant.exitCode()).isEqualTo(3);
    assertThat(grant.errors()).singleElement().asString().contains("DENIED (default deny)");
  }

  @Test
  void keysThatDoNotVerifyTheTokenEndTheGrantAsAnAuthenticationError() throws Exception {
    inBrokerWorkflow();
    SimulatedRunner.Step grant = brokerJob("grant").input("mode", "grant")
        .input("broker-jwks-url", emulator.baseUrl() + "_github/.well-known/openid-configuration").mainInProcess();

    assertThat(grant.exitCode()).isEqualTo(5);
    assertThat(grant.errors()).singleElement().asString().contains("ID token verification failed");
  }

  @Test
  void aRevokeJobOfAnotherRunRefusesTheHandleBeforeTheBrokerSignsIn() throws Exception {
    inBrokerWorkflow();
    SimulatedRunner.Step grant = brokerJob("grant").input("mode", "grant").mainInProcess();
    assertThat(grant.exitCode()).as(grant.stdout()).isZero();
    String handle = grant.outputs().get("revocation-handle");

    emulator.github().update(c -> c.withRun("2222222222", "1"));
    emulator.clearJournal();
    SimulatedRunner.Step foreign = brokerJob("foreign").input("mode", "revoke").input("revocation-handle", handle)
        .mainInProcess();

    assertThat(foreign.exitCode()).isEqualTo(3);
    assertThat(foreign.errors()).singleElement().asString().startsWith("::error")
        .contains("granted to run 1234567890 of contoso/payments").contains("run 2222222222").contains("Nothing was revoked");
    assertThat(emulator.leaks()).as("the other run's grant stays").isNotEmpty();
    assertThat(emulator.journal()).as("the broker never signed in").allSatisfy(j -> assertThat(j.surface())
        .isEqualTo("github-oidc"));

    emulator.github().update(c -> c.withRun("1234567890", "1"));
    SimulatedRunner.Step own = brokerJob("revoke").input("mode", "revoke").input("revocation-handle", handle)
        .mainInProcess();
    assertThat(own.exitCode()).as(own.stdout()).isZero();
  }

  @Test
  void aRevokeJobWithoutAHandleHasNothingToDo() throws Exception {
    SimulatedRunner.Step revoke = brokerJob("revoke").input("mode", "revoke").mainInProcess();

    assertThat(revoke.exitCode()).isZero();
    assertThat(revoke.outputs()).containsEntry("status", "SKIPPED");
  }

  private SimulatedRunner brokerJob(String name) throws IOException {
    SimulatedRunner runner = new SimulatedRunner(Files.createDirectories(dir.resolve(name)));
    emulator.writeProfile(runner.workspace.resolve("cloud-profile.json"));
    Files.writeString(runner.workspace.resolve("broker-policy.yml"), POLICY);
    return runner.input("cloud-profile", "cloud-profile.json").input("tenant-id", TENANT)
        .input("subscription-id", SUBSCRIPTION).input("broker-client-id", BROKER_APP).input("principal-id", CI_OBJECT)
        .input("role", "Key Vault Secrets Officer").input("scope", SCOPE).input("duration", "30m")
        .input("broker-policy", "broker-policy.yml")
        .input("broker-jwks-url", emulator.baseUrl() + "_github/.well-known/jwks")
        .env(StepContext.MIN_ACTIVE_VARIABLE, "1s")
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", emulator.github().oidcRequestUrl())
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", emulator.github().oidcRequestToken());
  }

  private static void inBrokerWorkflow() {
    emulator.github().customize(c -> c.withReusableWorkflow(HardenedBrokerScenario.BROKER_WORKFLOW, "b".repeat(40)));
  }

  private static void inCallerWorkflow() {
    emulator.github().customize(c -> c.withoutReusableWorkflow());
  }

  /** What any step of the job can do with id-token: write: mint a token and present it for an app. */
  private static HttpResponse<String> signIn(String clientId) throws IOException, InterruptedException {
    String form = "grant_type=client_credentials&client_id=" + clientId
        + "&scope=" + URLEncoder.encode("https://management.azure.com/.default", StandardCharsets.UTF_8)
        + "&client_assertion_type=" + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
        + "&client_assertion=" + emulator.github().idToken("api://AzureADTokenExchange");
    HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + TENANT + "/oauth2/v2.0/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return HttpClient.newBuilder().sslContext(emulator.sslContext()).build().send(request, HttpResponse.BodyHandlers.ofString());
  }

}
