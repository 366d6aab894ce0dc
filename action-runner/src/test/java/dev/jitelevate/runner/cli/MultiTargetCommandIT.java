package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.server.FaultRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jit-elevate elevate} with several targets as a separate process against an embedded emulator: the CI
 * identity (federated token file) elevated by the broker to an Azure role and a PIM-for-Groups membership at once.
 */
class MultiTargetCommandIT {
  static final String AZURE_ROLE = "azure-role:" + DemoWorld.ROLE + "@" + DemoWorld.SCOPE;
  static final String GROUP = "group:member@grp-prod-admins";
  @TempDir
  Path dir;
  PimEmulator emulator;
  Path profile;

  @BeforeEach
  void start() {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).hazards(Hazards.none()
        .withProvisioningDelay(Duration.ofMillis(200)).withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    profile = emulator.writeProfile(dir.resolve("profile.json"));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  CliProcess cli() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), emulator.github().idToken(DemoWorld.FEDERATION_AUDIENCE));
    return new CliProcess().env("AZURE_TENANT_ID", emulator.tenantId()).env("AZURE_CLIENT_ID", DemoWorld.CI_APP_ID)
        .env("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString()).env(Env.BROKER_SECRET, DemoWorld.BROKER_SECRET)
        .env("XDG_CONFIG_HOME", dir.resolve("config").toString());
  }

  List<String> elevate(Path record, String... targets) {
    List<String> args = new ArrayList<>(List.of("elevate", "--auth", "environment", "--cloud-profile", profile.toString(),
        "--strategy", "broker", "--broker-client-id", DemoWorld.BROKER_APP_ID, "--minimum-active-duration", "1s",
        "--record-out", record.toString(), "--json"));
    args.addAll(List.of(targets));
    args.addAll(List.of("--", "java", "-version"));
    return args;
  }

  @Test
  void aFaultOnTheSecondTargetRevokesTheFirstSkipsTheCommandAndTheRecordSaysWhichFailed() throws Exception {
    emulator.injectFault(FaultRule.status("POST", "privilegedAccess/group/assignmentScheduleRequests$", 403, 50));
    Path record = dir.resolve("record.json");
    CliProcess.Result r = cli().run(elevate(record, "--justification", "release 42", "--target", AZURE_ROLE,
        "--target", GROUP));

    assertThat(r.exitCode()).as(r.err()).isNotZero();
    assertThat(r.err()).contains("group 'grp-prod-admins' as member").doesNotContain("openjdk version");
    assertThat(emulator.leaks()).isEmpty();
    JsonNode rec = new ObjectMapper().readTree(record.toFile());
    assertThat(rec.path("schemaVersion").asText()).isEqualTo("1.3");
    assertThat(rec.path("targets")).hasSize(2);
    assertThat(rec.path("targets").get(0).path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(rec.path("targets").get(1).has("error")).isTrue();
    assertThat(rec.path("error").path("message").asText()).startsWith("group 'grp-prod-admins' as member: ");
    assertThat(new ObjectMapper().readTree(r.out()).path("record").path("targets")).hasSize(2);
  }

  @Test
  void aSetFromTheUsersConfigIsElevatedAsOneWithItsDefaults() throws Exception {
    Path sets = dir.resolve("config/jit-elevate/sets.yaml");
    Files.createDirectories(sets.getParent());
    Files.writeString(sets, "sets:\n  release:\n    duration: 45m\n    justification: release train\n    targets:\n"
        + "      - " + AZURE_ROLE + "\n      - " + GROUP + "\n");
    Path record = dir.resolve("record.json");
    CliProcess.Result r = cli().run(elevate(record, "--set", "release"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("verify[1]", "verify[2]", "openjdk version");
    assertThat(emulator.leaks()).isEmpty();
    JsonNode rec = new ObjectMapper().readTree(record.toFile());
    assertThat(rec.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(rec.path("justification").asText()).isEqualTo("release train");
    assertThat(rec.path("window").path("requested").asText()).isEqualTo("PT45M");
    assertThat(rec.path("targets")).extracting(t -> t.path("revocation").path("status").asText())
        .containsExactly("REVOKED", "REVOKED");
  }
}
