package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.core.FailureKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A wrong broker secret is an authentication failure (exit 5) whatever the target's surface is. */
class BadBrokerSecretIT {
  @TempDir
  Path dir;
  PimEmulator emulator;
  Path profile;

  @BeforeEach
  void start() throws Exception {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).hazards(Hazards.none()).start();
    profile = emulator.writeProfile(dir.resolve("profile.json"));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"azure-role", "directory-role", "group"})
  void aWrongBrokerSecretIsAnAuthenticationFailureOnEveryTarget(String target) throws Exception {
    Path record = dir.resolve("record.json");
    String token = emulator.github().idToken(DemoWorld.FEDERATION_AUDIENCE);
    Path tokenFile = Files.writeString(dir.resolve("token"), token);
    List<String> args = new ArrayList<>(List.of("elevate", "--auth", "environment", "--cloud-profile", profile.toString(),
        "--strategy", "broker", "--broker-client-id", DemoWorld.BROKER_APP_ID, "--duration", "30m",
        "--justification", "rotate the payments password", "--record-out", record.toString(), "--target", target));
    args.addAll(switch (target) {
      case "azure-role" -> List.of("--role", DemoWorld.ROLE, "--scope", DemoWorld.SCOPE);
      case "directory-role" -> List.of("--role", "User Administrator");
      default -> List.of("--group", "grp-prod-admins");
    });
    args.addAll(List.of("--", "true"));

    CliProcess.Result r = new CliProcess().env("AZURE_TENANT_ID", emulator.tenantId()).env("AZURE_CLIENT_ID", DemoWorld.CI_APP_ID)
        .env("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString()).env(Env.BROKER_SECRET, "wrong-secret-value").run(args);

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.of(FailureKind.AUTHENTICATION));
    assertThat(r.err()).contains("authentication: ").doesNotContain("wrong-secret-value").doesNotContain("\tat ");
    assertThat(new ObjectMapper().readTree(record.toFile()).path("error").path("kind").asText()).isEqualTo("AUTHENTICATION");
    assertThat(emulator.leaks()).isEmpty();
  }
}
