package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.server.FaultRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The action's {@code targets} input as the runner runs the steps: two targets elevated as one and both revoked by
 * the post step; a fault on the second target leaves nothing active and says which failed; a main step killed
 * (SIGKILL) after submitting both is cleaned up by the post step for every target.
 */
class ActionTargetsIT {
  static final String ROLE = "azure-role:Key Vault Secrets Officer@" + ActionStepsIT.SCOPE;
  static final String GROUP = "group:member@grp-prod-admins";
  @RegisterExtension
  static final ActionOnEmulator action = ActionOnEmulator.elevating(r -> r.input("targets", ROLE + "\n" + GROUP + "\n"));

  JsonNode record(SimulatedRunner.Step main) throws IOException {
    Path file = action.runner().workspace.resolve(main.outputs().get("record-path"));
    return ActionStepsIT.MAPPER.readTree(Files.readString(file));
  }

  @Test
  void bothTargetsAreHeldAsOneAndThePostStepRevokesEach() throws Exception {
    SimulatedRunner.Step main = action.runner().main();
    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
    assertThat(main.outputs().get("status")).isEqualTo("ACTIVE");
    assertThat(main.outputs().get("targets").lines()).hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith(ROLE + " ").contains("PENDING"))
        .anySatisfy(l -> assertThat(l).startsWith(GROUP + " ").contains("PENDING"));
    assertThat(main.summary()).contains("Target 1", "Target 2", "grp-prod-admins", "Key Vault Secrets Officer");
    assertThat(action.emulator().leaks()).as("both active while the job works").hasSize(2);

    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isZero();
    JsonNode rec = record(main);
    assertThat(rec.path("targets")).hasSize(2);
    assertThat(rec.path("targets")).allSatisfy(t -> assertThat(t.path("revocation").path("status").asText())
        .isEqualTo("REVOKED"));
    assertThat(rec.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(rec.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(rec.path("requestIds").size()).isGreaterThanOrEqualTo(2);
    assertThat(post.summary()).contains("Target 1", "Target 2");

    SimulatedRunner.Step again = action.runner().post(main);
    assertThat(again.exitCode()).as("a second post step is harmless: " + again.stdout()).isZero();
  }

  @Test
  void aFaultOnTheSecondTargetLeavesNothingActiveAndTheRecordAndErrorNameIt() throws Exception {
    action.emulator()
        .injectFault(FaultRule.status("POST", "privilegedAccess/group/assignmentScheduleRequests$", 403, 50));
    SimulatedRunner.Step main = action.runner().main();

    assertThat(main.exitCode()).isNotZero();
    assertThat(main.errors()).anySatisfy(e -> assertThat(e).contains(GROUP + " failed"));
    assertThat(action.emulator().leaks()).isEmpty();
    JsonNode rec = record(main);
    assertThat(rec.path("targets")).hasSize(2);
    assertThat(rec.path("targets").get(0).path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(rec.path("targets").get(1).has("error")).isTrue();
    assertThat(rec.path("error").path("message").asText()).startsWith("group 'grp-prod-admins' as member: ");
    assertThat(main.outputs().get("targets")).contains(GROUP + " FAILED");

    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).isZero();
    assertThat(post.stdout()).contains("nothing to revoke");
  }

  @Test
  void aMainStepKilledAfterSubmittingBothIsRevokedByThePostStepForEachTarget() throws Exception {
    action.emulator().hazards(Hazards.none().withMinimumActiveDuration(Duration.ofSeconds(1))
        .withPropagationDelay(Duration.ofSeconds(30)));
    SimulatedRunner.Launched launched = action.runner().launch("action", Map.of());
    Instant deadline = Instant.now().plusSeconds(60);
    while (savedBothTargets().isEmpty() && Instant.now().isBefore(deadline) && launched.process.isAlive()) {
      Thread.sleep(100);
    }
    assertThat(savedBothTargets()).as("the main step saved both handles: " + launched.stdout()).isPresent();
    launched.process.destroyForcibly().waitFor();
    launched.process.descendants().forEach(ProcessHandle::destroyForcibly);
    SimulatedRunner.Step main = launched.finish(10);
    assertThat(action.emulator().leaks()).as("both left active by the kill").hasSize(2);

    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isZero();
    assertThat(post.errors()).anySatisfy(e -> assertThat(e).contains("Main step killed"));
    JsonNode rec = ActionStepsIT.MAPPER.readTree(Files.readString(Path.of(main.state().get(PostState.RECORD_PATH))));
    assertThat(rec.path("targets")).hasSize(2).allSatisfy(t -> assertThat(t.path("revocation").path("status").asText())
        .isEqualTo("REVOKED"));
    assertThat(rec.path("outcome").asText()).isEqualTo("FAILED");
  }

  /** The state file of the main step once it names both targets. */
  private Optional<Path> savedBothTargets() throws IOException {
    try (Stream<Path> files = Files.list(action.runner().root.resolve("file_commands"))) {
      return files.filter(f -> f.getFileName().toString().startsWith("save_state_")).filter(f -> {
        try {
          return Files.readString(f).contains(TargetHandles.STATE);
        } catch (IOException e) {
          return false;
        }
      }).findFirst();
    }
  }
}
