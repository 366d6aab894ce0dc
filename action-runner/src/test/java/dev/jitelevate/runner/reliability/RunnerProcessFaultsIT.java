package dev.jitelevate.runner.reliability;

import dev.jitelevate.core.testing.Ledger;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.emulator.kernel.ActiveAssignment;
import dev.jitelevate.emulator.server.FaultRule;
import dev.jitelevate.runner.action.SimulatedRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's main step and the CLI as real processes, signalled while the privileged operation runs (a
 * validate-command or a command that blocks after telling the test it started): the post step revokes what a
 * SIGKILLed or failed main step held, SIGTERM revokes in the step itself, and a SIGKILLed CLI leaves access
 * that its server-side expiry ends within the requested duration. Each scenario runs the runner-level canary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunnerProcessFaultsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DURATION = Duration.ofMinutes(30);
  private RunnerWorld world;
  private Ledger ledger;
  @TempDir Path tmp;

  @BeforeAll
  void start() {
    world = new RunnerWorld();
    ledger = Ledger.open("runner-process-faults");
  }

  @AfterAll
  void stop() {
    world.close();
  }

  /** A main step that rotates db-password and blocks in its validate-command, writing the new value for the canary. */
  private SimulatedRunner blockingRotation(Path dir) throws IOException {
    SimulatedRunner runner = world.runner(dir.resolve("runner"));
    return runner.input("operation", "keyvault-rotate").input("vault", "kv-jit-demo").input("secrets", "db-password")
        .input("validate-command", "printf %s \"$NEW_SECRET\" > '" + dir.resolve("generated.tmp") + "' && mv '"
            + dir.resolve("generated.tmp") + "' '" + dir.resolve("generated") + "' && sleep 120")
        .input("validate-timeout", "5m");
  }

  @Test
  void aMainStepKilledWithSigkillDuringTheOperationIsRevokedByThePostStep() throws Exception {
    signalled("action/sigkill-during-operation-then-post", "SIGKILL of the main step during the operation", true);
  }

  @Test
  void aMainStepStoppedWithSigtermDuringTheOperationRevokesAndThePostStepFindsItEnded() throws Exception {
    signalled("action/sigterm-during-operation-then-post", "SIGTERM of the main step during the operation", false);
  }

  private void signalled(String id, String fault, boolean kill) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(id.replace('/', '_')));
    SimulatedRunner runner = blockingRotation(dir);
    RunnerCanary canary = new RunnerCanary();
    List<String> problems = new ArrayList<>();
    SimulatedRunner.Launched launched = runner.launch("action", Map.of());
    awaitFile(dir.resolve("generated"), launched.process, problems);
    canary.watch(RunnerCanary.read(dir.resolve("generated")));
    int activeDuring = world.active();
    List<ProcessHandle> children = launched.process.descendants().toList();
    if (kill) {
      launched.process.destroyForcibly();
    } else {
      launched.process.destroy();
    }
    SimulatedRunner.Step main = launched.finish(120);
    children.forEach(ProcessHandle::destroyForcibly);
    canary.scanStep("main", main);
    expect(activeDuring >= 1, "nothing was active during the operation", problems);
    expect(main.exitCode() == (kill ? 137 : 143), "main exit " + main.exitCode(), problems);
    expect(main.state().containsKey("handle"), "the main step saved no state for the post step", problems);
    int afterMain = world.active();
    if (!kill) {
      expect(afterMain == 0, "SIGTERM left " + afterMain + " active", problems);
    }
    SimulatedRunner.Step post = runner.post(main);
    canary.scanStep("post", post);
    WorkflowCommands.checkActionLog(post.stdout(), HostileCatalogue.MARK, problems);
    expect(post.exitCode() == 0, "post exit " + post.exitCode() + ": " + post.errors(), problems);
    Optional<JsonNode> record = record(main.state().get("record-path"));
    String revocation = record.map(r -> r.path("revocation").path("status").asText()).orElse("no record");
    expect(record.isPresent(), "no record after the post step", problems);
    finish(id, fault, "main exit " + main.exitCode() + ", post exit " + post.exitCode(), revocation, null, runner, canary, problems);
  }

  @Test
  void aMainStepKilledWhileSigningInLeavesNothingAndThePostStepHasNothingToRevoke() throws Exception {
    String id = "action/sigkill-during-sign-in-then-post";
    Path dir = Files.createDirectories(tmp.resolve("sign-in-kill"));
    SimulatedRunner runner = world.runner(dir.resolve("runner"));
    // Every Entra sign-in hangs, so the kill lands after the OIDC token was fetched and before any elevation.
    world.emulator.injectFault(FaultRule.latency("POST", "/oauth2/v2\\.0/token$", Duration.ofSeconds(30), 10));
    RunnerCanary canary = new RunnerCanary();
    List<String> problems = new ArrayList<>();
    SimulatedRunner.Launched launched = runner.launch("action", Map.of());
    awaitJournal("/_github/oidc/token", launched.process, problems);
    launched.process.destroyForcibly();
    SimulatedRunner.Step main = launched.finish(120);
    canary.scanStep("main", main);
    expect(main.exitCode() == 137, "main exit " + main.exitCode(), problems);
    expect(world.emulator.journal().stream().noneMatch(j -> j.method().equals("PUT")),
        "the killed main step submitted something", problems);
    SimulatedRunner.Step post = runner.post(main);
    canary.scanStep("post", post);
    WorkflowCommands.checkActionLog(post.stdout(), HostileCatalogue.MARK, problems);
    expect(post.exitCode() == 0, "post exit " + post.exitCode() + ": " + post.errors(), problems);
    finish(id, "SIGKILL of the main step while it signs in", "main exit " + main.exitCode() + ", post exit "
        + post.exitCode(), "NOT_CREATED", null, runner, canary, problems);
  }

  private void awaitJournal(String pathPart, Process process, List<String> problems) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (process.isAlive() && System.nanoTime() < until
        && world.emulator.journal().stream().noneMatch(j -> j.path().contains(pathPart))) {
      Thread.sleep(50);
    }
    expect(world.emulator.journal().stream().anyMatch(j -> j.path().contains(pathPart)),
        "the main step never fetched its OIDC token", problems);
  }

  @Test
  void thePostStepRevokesWhatAFailedMainStepHeld() throws Exception {
    String id = "action/post-after-failed-main";
    SimulatedRunner runner = world.runner(tmp.resolve("failed-main"));
    runner.input("operation", "keyvault-rotate").input("vault", "kv-jit-demo").input("secrets", "no-such-secret");
    RunnerCanary canary = new RunnerCanary();
    List<String> problems = new ArrayList<>();
    SimulatedRunner.Step main = runner.main();
    canary.scanStep("main", main);
    expect(main.exitCode() != 0, "the failing main step exited 0", problems);
    expect(main.errors().size() == 1, main.errors().size() + " errors in the main step", problems);
    expect(world.active() >= 1, "the failed main step held nothing for the post step", problems);
    SimulatedRunner.Step post = runner.post(main);
    canary.scanStep("post", post);
    expect(post.exitCode() == 0, "post exit " + post.exitCode(), problems);
    String revocation = record(main.state().get("record-path")).map(r -> r.path("revocation").path("status").asText()).orElse("no record");
    expect(revocation.equals("REVOKED"), "revocation " + revocation, problems);
    finish(id, "the operation fails (exit " + main.exitCode() + ")", "main exit " + main.exitCode() + ", post exit "
        + post.exitCode(), revocation, null, runner, canary, problems);
  }

  @Test
  void aCliElevateKilledWithSigkillLeavesAccessBoundedByItsExpiry() throws Exception {
    String id = "cli/sigkill-during-command";
    Path dir = Files.createDirectories(tmp.resolve("cli-kill"));
    SimulatedRunner runner = world.runner(dir.resolve("runner"));
    RunnerCanary canary = new RunnerCanary();
    List<String> problems = new ArrayList<>();
    Path ready = dir.resolve("ready");
    Process cli = HostileCli.start(world, dir, List.of("--", "/bin/sh", "-c", "touch '" + ready + "' && sleep 120"));
    awaitFile(ready, cli, problems);
    List<ProcessHandle> children = cli.descendants().toList();
    cli.destroyForcibly().waitFor();
    children.forEach(ProcessHandle::destroyForcibly);
    canary.scan("cli stdout", Files.readString(dir.resolve("cli.out")));
    canary.scan("cli stderr", Files.readString(dir.resolve("cli.err")));
    WorkflowCommands.checkCliLog(Files.readString(dir.resolve("cli.err")), problems);
    List<ActiveAssignment> left = world.emulator.leaks();
    expect(left.size() == 1, left.size() + " assignments left instead of the one the command held", problems);
    String expires = null;
    for (ActiveAssignment a : left) {
      expires = String.valueOf(a.end());
      expect(a.end() != null && !a.end().isAfter(a.start().plus(DURATION)),
          "the left assignment ends at " + a.end() + ", after start + " + DURATION, problems);
    }
    finish(id, "SIGKILL of jit-elevate elevate -- cmd during the command", "exit " + cli.exitValue(),
        "LEFT_TO_EXPIRE (bounded)", expires, runner, canary, problems);
  }

  private void finish(String id, String fault, String outcome, String revocation, String expiresAt,
      SimulatedRunner runner, RunnerCanary canary, List<String> problems) {
    canary.scanWorkspace(runner.workspace);
    List<String> hits = canary.hits();
    hits.forEach(h -> problems.add("canary: " + h));
    int active = world.active();
    if (expiresAt == null && active > 0) {
      problems.add(active + " assignment(s) still active");
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("suite", "runner-process-faults");
    line.put("id", id);
    line.put("fault", fault);
    line.put("outcome", outcome);
    line.put("failureKind", "");
    line.put("revocation", revocation);
    line.put("expiresAt", expiresAt);
    line.put("leaks", expiresAt == null ? active : 0);
    line.put("canaryHits", hits.size());
    line.put("passed", problems.isEmpty());
    line.put("problems", problems);
    ledger.write(line);
    assertThat(problems).as(id).isEmpty();
  }

  private static Optional<JsonNode> record(String path) throws IOException {
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      return Optional.empty();
    }
    return Optional.of(JSON.readTree(Path.of(path).toFile()));
  }

  private static void awaitFile(Path file, Process process, List<String> problems) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!Files.exists(file) && process.isAlive() && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    expect(Files.exists(file), "the operation never started", problems);
  }

  private static void expect(boolean ok, String problem, List<String> problems) {
    if (!ok) {
      problems.add(problem);
    }
  }
}
