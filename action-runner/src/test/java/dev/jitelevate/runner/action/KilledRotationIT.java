package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.server.JournalEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A main step killed (SIGKILL: no shutdown hook) while its rotation's validator runs: the post step rolls the
 * never-validated version back before it revokes, from the state the main step saved, and its record and
 * {@code ::error::} say which version is live and whether it was validated. Never reported as success.
 */
class KilledRotationIT {
  @RegisterExtension static final ActionOnEmulator action = ActionOnEmulator.rotatingDbPassword();

  /** Starts the main step with a validator that blocks, and kills it (SIGKILL) once the validator runs. */
  private SimulatedRunner.Step killedDuringValidation() throws Exception {
    Path started = OperationTruthIT.blockingValidator(action.runner());
    SimulatedRunner.Launched launched = action.runner().launch("action", Map.of());
    OperationTruthIT.await(started, launched.process);
    List<ProcessHandle> children = launched.process.descendants().toList();
    launched.process.destroyForcibly();
    SimulatedRunner.Step main = launched.finish(60);
    children.forEach(ProcessHandle::destroyForcibly);
    assertThat(main.exitCode()).isEqualTo(137);
    action.emulator().clearJournal();
    return main;
  }

  /** The version the killed main step wrote, from the record it saved in its state (it wrote no file). */
  private static String writtenVersion(SimulatedRunner.Step main) throws Exception {
    JsonNode saved = new com.fasterxml.jackson.databind.ObjectMapper().readTree(PostState.decode(main.state().get(PostState.RECORD)));
    return OperationTruthIT.rotated(saved).path("newVersion").asText();
  }

  private static List<JournalEntry> writesOf(String secret) {
    return action.emulator().journal().stream()
        .filter(e -> e.method().equals("PUT") && e.path().endsWith("/secrets/" + secret)).toList();
  }

  @Test
  void sigkillDuringValidationIsRolledBackByThePostStepNeverAsSuccess() throws Exception {
    SimulatedRunner.Step main = killedDuringValidation();
    String written = writtenVersion(main);

    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isZero();
    JsonNode record = OperationTruthIT.record(Path.of(main.state().get(PostState.RECORD_PATH)));
    assertThat(record.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(record.path("error").path("kind").asText()).isEqualTo("INTERRUPTED");
    assertThat(record.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    JsonNode secret = OperationTruthIT.rotated(record);
    assertThat(secret.path("newVersion").asText()).isEqualTo(written).isNotEmpty();
    assertThat(secret.path("validation").path("outcome").asText()).isEqualTo("INTERRUPTED");
    assertThat(secret.path("rollback").asText()).startsWith("RESTORE_PREVIOUS")
        .contains("version " + secret.path("previousVersion").asText());
    String current = secret.path("currentVersion").asText();
    assertThat(current).isNotEmpty().isNotEqualTo(written).isNotEqualTo(secret.path("previousVersion").asText());
    assertThat(writesOf("db-password")).as("the post step wrote the previous value again").hasSize(1);
    assertThat(action.emulator().journal().stream().filter(e -> e.method().equals("GET")
        && e.path().endsWith("/secrets/db-password/" + secret.path("previousVersion").asText()) && e.status() == 200))
        .as("the previous version was read by its id").isNotEmpty();
    assertThat(post.errors()).anySatisfy(e -> assertThat(e).contains("db-password", "never validated", written,
        "version " + current + " is current after the rollback"));
    assertThat(post.errors()).noneSatisfy(e -> assertThat(e).contains("Unvalidated secret version live"));
    assertThat(post.stdout()).contains("Roll back the interrupted rotation: db-password")
        .contains("Revoke: Key Vault Secrets Officer at");
    assertThat(post.summary()).contains("FAILED", "after the rollback").doesNotContain("SUCCEEDED");
  }

  @Test
  void aKillRightAfterTheWriteIsRolledBackFromTheStateSavedBeforeIt() throws Exception {
    SimulatedRunner.Step main = killedDuringValidation();
    String written = writtenVersion(main);
    // What a kill between Key Vault's answer and the next save leaves: the rotation's result without the new version.
    Map<String, String> beforeTheWrite = SavedStates.of(main).stream()
        .filter(s -> "operation".equals(s.get(PostState.PHASE)))
        .filter(s -> PostState.decode(s.get(PostState.RECORD)).contains("\"previousVersion\"")
            && !PostState.decode(s.get(PostState.RECORD)).contains("\"newVersion\""))
        .findFirst().orElseThrow(() -> new AssertionError("no state was saved before the write"));

    SimulatedRunner.Step post = action.runner().post(beforeTheWrite);
    assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isZero();
    JsonNode secret = OperationTruthIT.rotated(OperationTruthIT.record(Path.of(main.state().get(PostState.RECORD_PATH))));
    assertThat(secret.path("newVersion").asText()).as("found by its request tag").isEqualTo(written);
    assertThat(secret.path("validation").path("outcome").asText()).isEqualTo("INTERRUPTED");
    assertThat(secret.path("rollback").asText()).startsWith("RESTORE_PREVIOUS");
    assertThat(secret.path("currentVersion").asText()).isNotEqualTo(written);
    assertThat(writesOf("db-password")).hasSize(1);
  }
}
