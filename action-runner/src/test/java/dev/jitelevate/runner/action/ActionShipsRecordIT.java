package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The action's ship-* inputs: the post step ships the job's record, and a failure to ship is only a warning. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionShipsRecordIT {
  static final String SUBSCRIPTION = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  PimEmulator emulator;
  @TempDir Path dir;
  SimulatedRunner runner;

  @BeforeAll
  void start() {
    emulator = PimEmulator.builder().scenario(ShipScenario.demoWithRule(true))
        .hazards(Hazards.none().withMinimumActiveDuration(Duration.ofSeconds(1))).start();
  }

  @AfterAll
  void stop() {
    emulator.close();
  }

  @BeforeEach
  void runnerWithTheDemoInputsAndShipping() throws IOException {
    emulator.loadScenario(ShipScenario.demoWithRule(true));
    emulator.reset();
    runner = new SimulatedRunner(dir);
    emulator.writeProfile(runner.workspace.resolve("cloud-profile.json"));
    runner.input("cloud-profile", "cloud-profile.json").input("tenant-id", emulator.tenantId())
        .input("client-id", "c1c1c1c1-0000-4000-8000-0000000000a1").input("subscription-id", SUBSCRIPTION)
        .input("broker-client-id", "b0b0b0b0-0000-4000-8000-0000000000a1").input("role", "Key Vault Secrets Officer")
        .input("scope", "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-app").input("duration", "30m")
        .input("ship-endpoint", emulator.logsIngestionEndpoint()).input("ship-rule-id", ShipScenario.RULE_ID)
        .env(StepContext.MIN_ACTIVE_VARIABLE, "1s")
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", emulator.github().oidcRequestUrl())
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", emulator.github().oidcRequestToken());
  }

  private List<JsonNode> rows() {
    return emulator.ingestedLogs().rows(ShipScenario.RULE_ID, ShipScenario.STREAM);
  }

  @Test
  void thePostStepShipsTheRecordOfAnElevationItRevoked() throws IOException {
    SimulatedRunner.Step main = runner.main();
    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
    assertThat(rows()).as("nothing is shipped before the post step").isEmpty();

    SimulatedRunner.Step post = runner.post(main);

    assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isZero();
    assertThat(post.stdout()).contains("record shipped to Custom-JitElevation");
    assertThat(rows()).hasSize(1);
    assertThat(rows().get(0).path("RevocationStatus").asText()).isEqualTo("REVOKED");
    assertThat(rows().get(0).path("RunId").isMissingNode()).isFalse();
    runner.assertNoSecretsIn(List.of("demo-broker-secret-7f3e9c21", emulator.github().oidcRequestToken()), main, post);
  }

  @Test
  void thePostStepShipsTheRecordWhenTheMainStepRevokedItself() {
    runner.input("revoke", "after-operation");
    SimulatedRunner.Step main = runner.main();
    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();

    SimulatedRunner.Step post = runner.post(main);

    assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isZero();
    assertThat(post.stdout()).contains("nothing to revoke", "record shipped");
    assertThat(rows()).hasSize(1);
    assertThat(rows().get(0).path("Outcome").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void aRefusedShipmentIsAWarningAndTheRecordStays() throws IOException {
    emulator.loadScenario(ShipScenario.demoWithRule(false));
    SimulatedRunner.Step main = runner.main();
    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();

    SimulatedRunner.Step post = runner.post(main);

    assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isZero();
    assertThat(post.stdout()).contains("::warning title=Record not shipped::", "HTTP 403 OperationFailed",
        "Monitoring Metrics Publisher");
    Path record = runner.workspace.resolve(main.outputs().get("record-path"));
    assertThat(new ObjectMapper().readTree(Files.readString(record)).path("revocation").path("status").asText())
        .isEqualTo("REVOKED");
    assertThat(rows()).isEmpty();
  }
}
