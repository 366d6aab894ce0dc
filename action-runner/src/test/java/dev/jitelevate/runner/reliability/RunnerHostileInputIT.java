package dev.jitelevate.runner.reliability;

import dev.jitelevate.core.testing.Ledger;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.runner.action.ArtifactServiceFake;
import dev.jitelevate.runner.action.SimulatedRunner;
import dev.jitelevate.runner.reliability.HostileCatalogue.Drive;
import dev.jitelevate.runner.reliability.HostileCatalogue.HostileCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link HostileCatalogue} case, through the action's main step (in this JVM, a few as the runner's
 * separate process) or the CLI (in this JVM, a few through the jar): rejected with one clear error that names
 * the input and the fix, or neutralized; in either case no workflow command the attacker wrote, file commands
 * that parse to exactly the expected names, no stack trace, nothing elevated, nothing written outside the
 * workspace, and no secret in any channel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunnerHostileInputIT {
  static final Set<String> OUTPUTS = Set.of("request-id", "status", "expires-at", "record-path", "secret-versions");
  private static final ObjectMapper JSON = new ObjectMapper();
  private RunnerWorld world;
  private Ledger ledger;
  @TempDir Path tmp;

  @BeforeAll
  void start() {
    world = new RunnerWorld();
    ledger = Ledger.open("runner-hostile-input");
  }

  @AfterAll
  void stop() {
    world.close();
  }

  static Stream<HostileCase> cases() {
    return HostileCatalogue.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedWithOneClearErrorOrNeutralizedAndNeverElevatesOrLeaks(HostileCase c) throws Exception {
    Path dir = tmp.resolve(c.id().replaceAll("[^A-Za-z0-9-]", "_"));
    SimulatedRunner runner = world.runner(dir);
    c.setup().apply(runner);
    RunnerCanary canary = new RunnerCanary();
    List<String> problems = new ArrayList<>();
    String verdict;
    try (ArtifactServiceFake artifacts = new ArtifactServiceFake()) {
      runner.env("ACTIONS_RUNTIME_TOKEN", artifacts.runtimeToken).env("ACTIONS_RESULTS_URL", artifacts.resultsUrl());
      canary.watch(artifacts.runtimeToken).watch(ArtifactServiceFake.SAS);
      verdict = switch (c.drive()) {
        case ACTION, ACTION_PROCESS -> action(c, runner, canary, problems);
        case CLI, CLI_JAR -> HostileCli.drive(c, world, dir, canary, problems);
      };
      canary.scanWorkspace(runner.workspace);
      canary.scanArtifacts(artifacts);
    }
    nothingEscaped(dir, problems);
    int active = world.active();
    if (active > 0) {
      problems.add(active + " assignment(s) still active");
    }
    if (c.rejects() != null && !world.emulator.journal().stream()
        .filter(j -> j.method().equals("PUT") && (j.path().contains("ScheduleRequests") || j.path().contains("roleAssignments/")))
        .toList().isEmpty()) {
      problems.add("a rejected input still submitted a request");
    }
    List<String> hits = canary.hits();
    hits.forEach(h -> problems.add("canary: " + h));
    write(c, verdict, active, hits.size(), problems);
    assertThat(problems).as(c.id()).isEmpty();
  }

  private String action(HostileCase c, SimulatedRunner runner, RunnerCanary canary, List<String> problems) throws IOException {
    SimulatedRunner.Step step = c.drive() == Drive.ACTION ? runner.mainInProcess() : runner.main();
    canary.scanStep("main", step);
    WorkflowCommands.checkActionLog(step.stdout(), HostileCatalogue.MARK, problems);
    WorkflowCommands.checkActionLog(step.stderr(), HostileCatalogue.MARK, problems);
    if (step.exitCode() != c.exitCode()) {
      problems.add("exit code " + step.exitCode() + ", expected " + c.exitCode() + ": " + firstError(step));
    }
    if (c.rejects() != null) {
      List<String> errors = step.errors();
      if (errors.size() != 1) {
        problems.add(errors.size() + " ::error:: lines instead of one: " + errors);
      } else {
        clearError(errors.get(0), c.rejects(), problems);
      }
      boolean failedRecord = step.outputs().keySet().equals(OUTPUTS) && "FAILED".equals(step.outputs().get("status"));
      if ((!step.outputs().isEmpty() && !failedRecord) || !step.state().isEmpty()) {
        problems.add("a rejected run set outputs or state: " + step.outputs() + " " + step.state().keySet());
      }
      if (step.stdout().contains("root:")) {
        problems.add("the log shows the content of a file the input pointed at");
      }
      return "rejected: " + WorkflowCommands.show(errors.isEmpty() ? "(no error)" : errors.get(0));
    }
    if (!step.outputs().keySet().equals(OUTPUTS)) {
      problems.add("outputs " + step.outputs().keySet() + ", expected exactly " + OUTPUTS);
    }
    // The state is handed over at submit (a kill later is still revoked by the post step); a step that revoked
    // itself must leave it marked done, so the post step has nothing to do.
    if (!step.state().isEmpty() && !"done".equals(step.state().get("phase"))) {
      problems.add("state left for the post step although the step revoked: " + step.state());
    }
    String status = step.outputs().getOrDefault("status", "");
    if (!status.matches("[A-Z_]+")) {
      problems.add("status output is not ours: " + WorkflowCommands.show(status));
    }
    recordIsClean(runner.workspace, step, problems);
    if (!step.errors().isEmpty()) {
      problems.add("a neutralized input still raised an error: " + step.errors());
    }
    return "neutralized (exit " + step.exitCode() + ", status " + status + ")";
  }

  private static void recordIsClean(Path workspace, SimulatedRunner.Step step, List<String> problems) throws IOException {
    // record-path is relative to the workspace (the working directory of later steps)
    Path record = workspace.resolve(step.outputs().getOrDefault("record-path", "missing"));
    if (!Files.isRegularFile(record)) {
      problems.add("no record at " + record);
      return;
    }
    JsonNode json = JSON.readTree(record.toFile());
    String justification = json.path("justification").asText();
    // The justification is exact (issue 21): JSON and PIM interpret no workflow commands, so '::' may stay;
    // escapes and control characters (other than line breaks) must be gone and PIM's limit kept.
    if (justification.length() > 500 || justification.contains("\u001B") || justification.contains("\r")
        || justification.chars().anyMatch(c -> c != '\n' && Character.isISOControl(c))) {
      problems.add("the record's justification kept an escape or control character: " + WorkflowCommands.show(justification));
    }
  }

  /** One error that names the input and says what to do instead. */
  static void clearError(String line, String input, List<String> problems) {
    if (!line.contains(input)) {
      problems.add("the error does not name " + input + ": " + WorkflowCommands.show(line));
    }
    if (!line.matches("(?is).*\\b(use|pass|remove|set|make|check|give|run|must|fix)\\b.*")) {
      problems.add("the error does not say how to fix it: " + WorkflowCommands.show(line));
    }
    if (line.length() > 2500) {
      problems.add("the error has " + line.length() + " characters");
    }
  }

  private static String firstError(SimulatedRunner.Step step) {
    return step.errors().isEmpty() ? WorkflowCommands.show(step.stdout() + step.stderr()) : WorkflowCommands.show(step.errors().get(0));
  }

  /** Nothing the case named was written outside its workspace's record directory. */
  private static void nothingEscaped(Path dir, List<String> problems) throws IOException {
    try (Stream<Path> files = Files.walk(dir.getParent())) {
      files.filter(f -> f.getFileName().toString().contains(HostileCatalogue.MARK))
          .forEach(f -> problems.add("a file named by the attacker: " + f));
    }
    if (Files.exists(Path.of("/etc", HostileCatalogue.MARK))) {
      problems.add("/etc/" + HostileCatalogue.MARK + " exists");
    }
  }

  private void write(HostileCase c, String verdict, int active, int canaryHits, List<String> problems) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("suite", "runner-hostile-input");
    line.put("id", c.id());
    line.put("field", c.field());
    line.put("drive", switch (c.drive()) {
      case ACTION -> "action (in-process)";
      case ACTION_PROCESS -> "action (process)";
      case CLI -> "cli (in-process)";
      case CLI_JAR -> "cli (jar)";
    });
    line.put("verdict", verdict);
    line.put("leaks", active);
    line.put("canaryHits", canaryHits);
    line.put("passed", problems.isEmpty());
    line.put("problems", problems);
    ledger.write(line);
  }
}
