package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code operation: keyvault-rotate-stale} in a simulated runner against the emulator's demo vault. */
class ActionRotateStaleIT {
  @TempDir Path dir;
  PimEmulator emulator;
  SimulatedRunner runner;

  @BeforeEach
  void start() throws Exception {
    emulator = PimEmulator.builder().scenario(Scenario.demo())
        .hazards(Hazards.none().withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    runner = new SimulatedRunner(dir);
    emulator.writeProfile(runner.workspace.resolve("cloud-profile.json"));
    runner.input("cloud-profile", "cloud-profile.json").input("tenant-id", ActionStepsIT.TENANT)
        .input("client-id", "c1c1c1c1-0000-4000-8000-0000000000a1").input("subscription-id", ActionStepsIT.SUBSCRIPTION)
        .input("broker-client-id", "b0b0b0b0-0000-4000-8000-0000000000a1").input("role", "Key Vault Secrets Officer")
        .input("scope", ActionStepsIT.SCOPE).input("duration", "30m").env(StepContext.MIN_ACTIVE_VARIABLE, "1s")
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", emulator.github().oidcRequestUrl())
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", emulator.github().oidcRequestToken());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void rotatesEveryStaleSecretOfTheVaultUnderOneElevationAndRevokesIt() throws Exception {
    // The demo vault's secrets were written when the scenario loaded: with a one-second maximum age, by the
    // time the role is effective both are stale.
    runner.input("operation", "keyvault-rotate-stale").input("vault", "kv-jit-demo").input("max-age", "1s")
        .input("revoke", "after-operation");

    SimulatedRunner.Step main = runner.main();

    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
    JsonNode record = new ObjectMapper().readTree(
        Files.readString(runner.workspace.resolve(main.outputs().get("record-path"))));
    assertThat(record.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(record.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(record.path("operation").toString()).contains("staleSecrets", "db-password", "api-key");
    assertThat(main.outputs().get("secret-versions")).contains("db-password", "api-key");
    assertThat(emulator.leaks()).isEmpty();
    runner.assertNoSecretsIn(List.of(ActionStepsIT.BROKER_SECRET, emulator.github().oidcRequestToken()), main);
  }

  @Test
  void namingSecretsIsRefusedBecauseTheOperationFindsThem() throws Exception {
    runner.input("operation", "keyvault-rotate-stale").input("vault", "kv-jit-demo").input("secrets", "db-password");

    SimulatedRunner.Step main = runner.main();

    assertThat(main.exitCode()).isNotZero();
    assertThat(main.stdout() + main.stderr()).contains("secrets does not apply to operation: keyvault-rotate-stale");
    assertThat(emulator.leaks()).isEmpty();
  }
}
