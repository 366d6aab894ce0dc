package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Directory roles and groups end to end through the production jar, whose Graph SDK keeps only the request
 * builders the Graph surfaces call (action-runner/pom.xml): every class they load must be in it.
 */
class GraphTargetsThroughJarIT {
  @TempDir
  Path dir;
  PimEmulator emulator;
  Path profile;

  @BeforeEach
  void start() throws Exception {
    emulator = PimEmulator.builder().scenario(Scenario.demo())
        .hazards(Hazards.none().withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    profile = emulator.writeProfile(dir.resolve("profile.json"));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"directory-role", "group"})
  void elevatesVerifiesAndRevokesThroughTheProductionJar(String target) throws Exception {
    Path record = dir.resolve("record.json");
    Path tokenFile = Files.writeString(dir.resolve("token"), emulator.github().idToken(DemoWorld.FEDERATION_AUDIENCE));
    List<String> args = new ArrayList<>(List.of("elevate", "--auth", "environment", "--cloud-profile", profile.toString(),
        "--strategy", "broker", "--broker-client-id", DemoWorld.BROKER_APP_ID, "--duration", "30m",
        "--minimum-active-duration", "1s", "--justification", "rotate the payments password", "--record-out",
        record.toString(), "--target", target));
    args.addAll(target.equals("group") ? List.of("--group", "grp-prod-admins") : List.of("--role", "User Administrator"));
    args.addAll(List.of("--", "true"));

    CliProcess.Result r = new CliProcess().env("AZURE_TENANT_ID", emulator.tenantId()).env("AZURE_CLIENT_ID", DemoWorld.CI_APP_ID)
        .env("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString()).env(Env.BROKER_SECRET, DemoWorld.BROKER_SECRET).run(args);

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.all()).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    var json = new ObjectMapper().readTree(record.toFile());
    assertThat(json.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(json.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(emulator.leaks()).isEmpty();
  }
}
