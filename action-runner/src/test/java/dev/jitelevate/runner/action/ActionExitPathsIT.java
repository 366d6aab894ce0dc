package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.testing.RecordSchema;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.server.FaultRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The action's exit paths as the runner runs them: each writes a schema-valid record whose outcome matches the
 * exit code and the {@code status} output, and the step's last plain log line does not claim success.
 */
class ActionExitPathsIT {
  @RegisterExtension static final ActionOnEmulator action = ActionOnEmulator.rotatingDbPassword();

  private static ActivationRecord validRecord(Path file) throws IOException {
    ActivationRecord record = ActivationRecords.fromJson(Files.readString(file));
    assertThat(RecordSchema.errors(record)).isEmpty();
    return record;
  }

  private static void lastLineClaimsNoSuccess(SimulatedRunner.Step step) {
    assertThat(step.plainLines()).isNotEmpty();
    assertThat(step.plainLines()).last().asString().doesNotContain("SUCCEEDED", "\u2714 record");
  }

  @Test
  void aProvisioningTimeoutIsRecordedAsTimedOutWithExit7() throws IOException {
    action.emulator().hazards(Hazards.none().withMinimumActiveDuration(Duration.ofSeconds(1))
        .withProvisioningDelay(Duration.ofMinutes(5)));
    action.runner().input("operation", "").input("vault", "").input("secrets", "").input("provisioning-timeout", "3s");
    SimulatedRunner.Step main = action.runner().main();

    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isEqualTo(7);
    ActivationRecord record = validRecord(action.runner().workspace.resolve(main.outputs().get("record-path")));
    assertThat(record.outcome()).isEqualTo(ActivationRecord.Outcome.TIMED_OUT);
    assertThat(main.outputs().get("status")).isEqualTo("TIMED_OUT");
    assertThat(main.errors()).isNotEmpty();
    lastLineClaimsNoSuccess(main);
    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).as(post.stdout()).isZero();
  }

  @Test
  void aFailedOperationIsRecordedAsFailedWithExit8() throws IOException {
    action.runner().input("validate-command", "echo 'the new password is refused' >&2; exit 3");
    SimulatedRunner.Step main = action.runner().main();

    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isEqualTo(8);
    ActivationRecord record = validRecord(action.runner().workspace.resolve(main.outputs().get("record-path")));
    assertThat(record.outcome()).isEqualTo(ActivationRecord.Outcome.FAILED);
    assertThat(record.error()).hasValueSatisfying(e -> assertThat(e.kind().name()).isEqualTo("OPERATION_FAILED"));
    assertThat(main.outputs().get("status")).isEqualTo("ACTIVE");
    lastLineClaimsNoSuccess(main);
    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).as(post.stdout()).isZero();
    ActivationRecord ended = validRecord(action.runner().workspace.resolve(main.outputs().get("record-path")));
    assertThat(ended.outcome()).isEqualTo(ActivationRecord.Outcome.FAILED);
    assertThat(ended.revocation().status()).isEqualTo(ActivationRecord.RevocationStatus.REVOKED);
  }

  @Test
  void aRevocationTheServiceRefusesIsRecordedAsFailedWithExit9() throws IOException {
    action.runner().input("operation", "").input("vault", "").input("secrets", "");
    SimulatedRunner.Step main = action.runner().main();
    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
    action.emulator().injectFault(FaultRule.status("PUT", "roleAssignmentScheduleRequests", 400, 50));

    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isEqualTo(9);
    ActivationRecord record = validRecord(Path.of(main.state().get(PostState.RECORD_PATH)));
    assertThat(record.revocation().status()).isEqualTo(ActivationRecord.RevocationStatus.FAILED);
    assertThat(record.outcome()).isNotEqualTo(ActivationRecord.Outcome.SUCCEEDED);
    assertThat(post.errors()).anySatisfy(e -> assertThat(e).contains("Revocation failed", "jit-elevate revoke"));
    assertThat(post.summary()).contains("| Revocation | FAILED");
    // Disarms the fault and ends what the refused revocation left (the scenario is reloaded).
    action.emulator().reset();
  }
}
