package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.emulator.kernel.Hazards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the record, the outputs and the log say about a Key Vault rotation, as the runner runs the steps: in
 * every path (passed, rejected, SIGTERM during validation, a kill during provisioning; SIGKILL during validation
 * is {@link KilledRotationIT}).
 */
class OperationTruthIT {
  static final ObjectMapper MAPPER = new ObjectMapper();
  @RegisterExtension static final ActionOnEmulator action = ActionOnEmulator.rotatingDbPassword();

  static JsonNode record(Path path) throws IOException {
    return MAPPER.readTree(Files.readString(path));
  }

  static JsonNode rotated(JsonNode record) {
    return record.path("operation").path("result").path("secrets").path(0);
  }

  /** Sets a validate-command that says it started (a file, returned) and then blocks until it is stopped. */
  static Path blockingValidator(SimulatedRunner runner) {
    Path started = runner.root.resolve("validator-started");
    runner.input("validate-command", "echo 'checking the new password'; touch '" + started + "'; sleep 120");
    return started;
  }

  static void await(Path file, Process process) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!Files.exists(file) && process.isAlive() && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(file).as("the validator started").exists();
  }

  @Test
  void aPassingRotationRecordsItsResultAndTheCurrentVersion() throws IOException {
    action.runner().input("validate-command", "test -n \"$NEW_SECRET\"");
    SimulatedRunner.Step main = action.runner().main();
    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
    long postStarted = System.currentTimeMillis();
    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).as(post.stdout()).isZero();
    java.util.regex.Matcher bar = java.util.regex.Pattern.compile("Revocation :revoke, (\\d+), (\\d+)").matcher(post.summary());
    assertThat(bar.find()).as(post.summary()).isTrue();
    assertThat(Long.parseLong(bar.group(1))).as("the revocation bar starts when the post step revokes, not with the job")
        .isGreaterThanOrEqualTo(postStarted);

    JsonNode record = record(action.runner().workspace.resolve(main.outputs().get("record-path")));
    assertThat(record.path("operation").path("name").asText()).isEqualTo("keyvault-secret-rotation");
    JsonNode secret = rotated(record);
    assertThat(secret.path("validation").path("outcome").asText()).isEqualTo("PASSED");
    assertThat(secret.path("currentVersion").asText()).isEqualTo(secret.path("newVersion").asText()).isNotEmpty();
    assertThat(main.outputs().get("secret-versions"))
        .isEqualTo("{\"db-password\":\"" + secret.path("currentVersion").asText() + "\"}");
    assertThat(record.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(main.outputs().get("status")).isEqualTo("ACTIVE");
    assertThat(main.summary()).contains("ACTIVE", "db-password").doesNotContain("IN_PROGRESS", "| Outcome |");
    assertThat(post.summary()).containsOnlyOnce("| Outcome |").contains("SUCCEEDED", "Key Vault Secrets Officer",
        "version " + secret.path("currentVersion").asText() + " is current");
    assertThat(post.stdout()).contains("Revoke: Key Vault Secrets Officer at");
  }

  @Test
  void aRejectedRotationNamesTheRestoredVersionAndTheValidatorsReason() throws IOException {
    action.runner().input("validate-command", "echo 'FATAL: password authentication failed for user app' >&2; exit 1");
    SimulatedRunner.Step main = action.runner().main();
    assertThat(main.exitCode()).as(main.stdout()).isNotZero();
    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).as(post.stdout()).isZero();

    JsonNode record = record(action.runner().workspace.resolve(main.outputs().get("record-path")));
    JsonNode secret = rotated(record);
    assertThat(secret.path("validation").path("outcome").asText()).isEqualTo("FAILED");
    assertThat(secret.path("validation").path("output").toString()).contains("password authentication failed");
    assertThat(secret.path("currentVersion").asText()).isNotEqualTo(secret.path("newVersion").asText());
    assertThat(main.outputs().get("secret-versions")).contains(secret.path("currentVersion").asText())
        .doesNotContain(secret.path("newVersion").asText());
    assertThat(main.stdout()).contains("FATAL: password authentication failed for user app");
  }

  @Test
  void sigtermDuringValidationRollsBackRevokesAndRecordsTheInterruption() throws Exception {
    Path started = blockingValidator(action.runner());
    SimulatedRunner.Launched launched = action.runner().launch("action", Map.of());
    await(started, launched.process);
    List<ProcessHandle> children = launched.process.descendants().toList();
    launched.process.destroy();
    SimulatedRunner.Step main = launched.finish(60);
    children.forEach(ProcessHandle::destroyForcibly);

    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isEqualTo(143);
    assertThat(action.emulator().leaks()).as("revoked by the interrupted main step").isEmpty();
    assertThat(main.outputs().get("record-path")).as("relative to the workspace, as later steps open it")
        .startsWith(RecordFiles.DIRECTORY + "/");
    JsonNode record = record(action.runner().workspace.resolve(main.outputs().get("record-path")));
    assertThat(record.path("outcome").asText()).isEqualTo("CANCELLED");
    assertThat(record.path("error").path("kind").asText()).isEqualTo("INTERRUPTED");
    assertThat(record.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    JsonNode secret = rotated(record);
    assertThat(secret.path("validation").path("outcome").asText()).isEqualTo("INTERRUPTED");
    assertThat(secret.path("rollback").asText()).startsWith("RESTORE_PREVIOUS");
    assertThat(secret.path("currentVersion").asText()).isNotEqualTo(secret.path("newVersion").asText());
    assertThat(main.outputs().get("status")).isEqualTo("CANCELLED");
    assertThat(main.outputs().get("secret-versions")).contains(secret.path("currentVersion").asText());
    assertThat(main.errors()).anySatisfy(e -> assertThat(e).contains("cancelled", "db-password"));
    assertThat(main.plainLines()).last().asString().contains("interrupted").doesNotContain("SUCCEEDED");
    assertThat(main.summary()).contains("CANCELLED");

    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).as(post.stdout()).isZero();
    assertThat(post.stdout()).contains("nothing to revoke");
  }

  @Test
  void aSigkillWhilePropagationIsAwaitedIsRevokedByThePostStep() throws Exception {
    action.emulator().hazards(Hazards.none().withMinimumActiveDuration(Duration.ofSeconds(1))
        .withPropagationDelay(Duration.ofSeconds(60)));
    assertKilledAfterSubmitIsRevokedByThePostStep();
  }

  @Test
  void aSigkillDuringProvisioningIsRevokedByThePostStep() throws Exception {
    action.emulator().hazards(Hazards.none().withMinimumActiveDuration(Duration.ofSeconds(1))
        .withProvisioningDelay(Duration.ofSeconds(60)));
    action.runner().input("target", "directory-role").input("role", "User Administrator").input("scope", "")
        .input("operation", "").input("vault", "").input("secrets", "");
    assertKilledAfterSubmitIsRevokedByThePostStep();
  }

  private void assertKilledAfterSubmitIsRevokedByThePostStep() throws Exception {
    SimulatedRunner.Launched launched = action.runner().launch("action", Map.of());
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (launched.process.isAlive() && System.nanoTime() < until && !launched.stdout().contains(" submit (")) {
      Thread.sleep(50);
    }
    Thread.sleep(500);
    launched.process.destroyForcibly();
    SimulatedRunner.Step main = launched.finish(60);
    assertThat(main.state()).as(main.stdout()).containsKey(PostState.HANDLE);
    assertThat(main.state().get(PostState.PHASE)).as(main.stdout()).isEqualTo("submitted");

    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isZero();
    assertThat(action.emulator().leaks()).as("revoked by the post step: " + post.stdout()).isEmpty();
    JsonNode record = record(Path.of(main.state().get(PostState.RECORD_PATH)));
    assertThat(record.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(record.path("error").path("message").asText()).contains("killed");
  }

  @Test
  void anotherPrincipalIsVerifiedByItsActiveAssignmentWithoutWaitingOutTheTimeout() throws IOException {
    // The signed-in identity's own permissions never change here: the old check waited out the whole timeout.
    action.emulator().hazards(Hazards.none().withMinimumActiveDuration(Duration.ofSeconds(1))
        .withPropagationDelay(Duration.ofMinutes(10)));
    action.runner().input("principal-id", "a11ce000-0000-4000-8000-000000000001").input("operation", "")
        .input("vault", "").input("secrets", "").input("revoke", "after-operation").input("propagation-timeout", "3m");
    long started = System.nanoTime();
    SimulatedRunner.Step main = action.runner().main();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
    assertThat(took).isLessThan(Duration.ofMinutes(2));
    JsonNode record = record(action.runner().workspace.resolve(main.outputs().get("record-path")));
    assertThat(record.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(record.path("principal").path("id").asText()).isEqualTo("a11ce000-0000-4000-8000-000000000001");
    assertThat(record.path("operation").path("notes").path("verification").asText())
        .startsWith("not probed as the principal").contains("is active for a11ce000-0000-4000-8000-000000000001");
    assertThat(record.path("timeline").path("verified").isMissingNode()).isFalse();
    assertThat(main.stdout()).contains("Not probed as the principal").doesNotContain("longer propagation timeout");
  }

  @Test
  void aBenignTitleReachesTheRecordUnchangedWhileTheLogStaysDefused() throws IOException {
    String title = "Fix std::vector overflow; coverage 100%0A";
    action.runner().event("pull_request", Fixtures.pullRequestTitled(title)).input("operation", "").input("vault", "")
        .input("secrets", "").input("revoke", "after-operation");
    SimulatedRunner.Step main = action.runner().main();

    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
    assertThat(record(action.runner().workspace.resolve(main.outputs().get("record-path"))).path("justification").asText()).contains("\"" + title + "\"");
    assertThat(main.stdout()).doesNotContain(title).contains("Fix std: :vector overflow");
    assertThat(main.stdout().lines().filter(l -> l.startsWith("::")))
        .allSatisfy(l -> assertThat(l).matches("::(add-mask|group|endgroup|notice|warning)\\b.*"));
    assertThat(main.summary()).doesNotContain("std::vector");
  }
}
