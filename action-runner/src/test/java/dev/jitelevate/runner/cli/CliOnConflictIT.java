package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.testing.RecordSchema;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two CLI processes for the same principal, role and scope: the first holds an elevation, the second
 * runs a command with {@code --on-conflict} {@code fail}, {@code share} or {@code wait}. Neither ever cuts the
 * other's access, each record says what happened, and nothing is left once the first is revoked.
 */
class CliOnConflictIT {
  @TempDir
  Path dir;
  PimEmulator emulator;
  CliTargets targets;
  Path first;
  Path record;
  @RegisterExtension
  static final ScenarioLedger LEDGER = new ScenarioLedger("cli-on-conflict");

  @BeforeEach
  void start() {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).hazards(Hazards.none()
        .withProvisioningDelay(Duration.ofMillis(200)).withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    targets = new CliTargets(emulator, dir);
    first = dir.resolve("first.json");
    record = dir.resolve("second-record.json");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private void holdTheFirst(String target) throws Exception {
    CliProcess.Result held = targets.cli().run(targets.elevate(target, "--handle-out", first.toString()));
    assertThat(held.exitCode()).as(held.err()).isZero();
    assertThat(emulator.leaks()).hasSize(1);
  }

  private JsonNode secondRecord() throws Exception {
    assertThat(RecordSchema.errorsInJson(Files.readString(record))).isEmpty();
    return new ObjectMapper().readTree(record.toFile());
  }

  private void revokeTheFirst() throws Exception {
    CliProcess.Result revoked = targets.cli().run(targets.revoke(first));
    assertThat(revoked.exitCode()).as(revoked.err()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"azure-role", "directory-role", "group"})
  void failRefusesShareUsesWithoutRevokingAndWaitCreatesItsOwnOnceTheFirstRunRevoked(String target) throws Exception {
    holdTheFirst(target);

    CliProcess.Result failed = targets.cli().run(targets.elevate(target, "--on-conflict", "fail",
        "--record-out", record.toString(), "--", "true"));

    assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCodes.of(FailureKind.DENIED));
    assertThat(failed.err()).contains("on-conflict is fail").doesNotContain("\tat ");
    assertThat(secondRecord().path("error").path("kind").asText()).isEqualTo("DENIED");
    assertThat(emulator.leaks()).as("the first run's access").hasSize(1);
    LEDGER.observed("cli/" + target + "/on-conflict-fail", "a second run while the first holds the access",
        "exit " + failed.exitCode(), "DENIED", "NOT_CREATED; the first's kept", 0, Files.readString(record), failed.err());

    CliProcess.Result shared = targets.cli().run(targets.elevate(target, "--on-conflict", "share",
        "--record-out", record.toString(), "--", "true"));

    assertThat(shared.exitCode()).as(shared.err()).isZero();
    JsonNode r = secondRecord();
    assertThat(r.path("revocation").path("status").asText()).isEqualTo("PRE_EXISTING");
    assertThat(r.path("revocation").path("detail").asText()).contains("on-conflict: share");
    assertThat(emulator.leaks()).as("the first run's access, not cut by the second").hasSize(1);
    LEDGER.observed("cli/" + target + "/on-conflict-share", "a second run while the first holds the access",
        "exit " + shared.exitCode() + ", " + r.path("outcome").asText(), "", "PRE_EXISTING (shared, never revoked)", 0,
        Files.readString(record), shared.err());

    CliProcess.Running waiting = targets.cli().start(targets.elevate(target, "--on-conflict", "wait",
        "--provisioning-timeout", "3m", "--record-out", record.toString(), "--", "true"));
    waiting.awaitErr("waiting until", 90);
    assertThat(emulator.leaks()).as("the waiting run does not cut the first").hasSize(1);

    revokeTheFirst();

    assertThat(waiting.process().waitFor(110, TimeUnit.SECONDS)).isTrue();
    assertThat(waiting.process().exitValue()).as(Files.readString(waiting.err())).isZero();
    JsonNode own = secondRecord();
    assertThat(own.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(own.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(emulator.leaks()).isEmpty();
    LEDGER.observed("cli/" + target + "/on-conflict-wait", "a second run while the first holds the access",
        "exit 0, " + own.path("outcome").asText(), "", "REVOKED (its own, after the first ended)", 0,
        Files.readString(record), Files.readString(waiting.err()));
  }
}
