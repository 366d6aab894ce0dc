package dev.jitelevate.runner.action;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A GitHub runner in a temp directory: the workspace, the event file, per-step file-command files, the
 * INPUT_* defaults of the repository's action.yml, and the GITHUB_* context. Runs the main and the post step
 * as the runner does (a separate process, or in-process for fast unit tests) and reads outputs and state
 * back the way the runner parses them.
 */
public final class SimulatedRunner {
  /** The result of one step. */
  public record Step(int exitCode, String stdout, String stderr, Map<String, String> outputs, Map<String, String> state,
      String summary, Path outputFile, Path stateFile, Path summaryFile) {

    /** The {@code ::error} annotations the step printed. */
    public List<String> errors() {
      return stdout.lines().filter(l -> l.startsWith("::error")).toList();
    }

    /** The log lines that are not workflow commands. */
    public List<String> plainLines() {
      return stdout.lines().filter(l -> !l.startsWith("::")).toList();
    }
  }

  public final Path root;
  public final Path workspace;
  public final Path eventFile;
  private final Path commands;
  private final Map<String, String> env = new LinkedHashMap<>();

  public SimulatedRunner(Path root) throws IOException {
    this.root = root;
    this.workspace = Files.createDirectories(root.resolve("workspace"));
    this.commands = Files.createDirectories(root.resolve("file_commands"));
    this.eventFile = Files.createDirectories(root.resolve("workflow")).resolve("event.json");
    Files.writeString(eventFile, "{\"ref\":\"refs/heads/main\",\"after\":\"0123456789abcdef0123456789abcdef01234567\","
        + "\"repository\":{\"full_name\":\"contoso/payments\"},\"sender\":{\"login\":\"octocat\"},"
        + "\"head_commit\":{\"id\":\"0123456789abcdef0123456789abcdef01234567\",\"message\":\"Rotate the password\"}}");
    RunnerFiles.actionYmlDefaults().forEach((k, v) -> env.put("INPUT_" + k, v));
    env.put("GITHUB_ACTIONS", "true");
    env.put("CI", "true");
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("GITHUB_EVENT_PATH", eventFile.toString());
    env.put("GITHUB_EVENT_NAME", "push");
    env.put("GITHUB_REPOSITORY", "contoso/payments");
    env.put("GITHUB_REF", "refs/heads/main");
    env.put("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567");
    env.put("GITHUB_ACTOR", "octocat");
    env.put("GITHUB_RUN_ID", "1234567890");
    env.put("GITHUB_RUN_ATTEMPT", "1");
    env.put("GITHUB_WORKFLOW", "rotate");
    env.put("GITHUB_JOB", "rotate");
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("RUNNER_ENVIRONMENT", "github-hosted");
  }

  public SimulatedRunner input(String name, String value) {
    env.put("INPUT_" + name.toUpperCase(java.util.Locale.ROOT), value);
    return this;
  }

  public SimulatedRunner env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  public SimulatedRunner event(String name, String json) throws IOException {
    env.put("GITHUB_EVENT_NAME", name);
    Files.writeString(eventFile, json);
    return this;
  }

  public Map<String, String> environment() {
    return Map.copyOf(env);
  }

  /** The main step in a separate JVM, as the container runs it. */
  public Step main() {
    return process("action", Map.of());
  }

  /** The post step in a separate JVM, with STATE_* from the main step's state file. */
  public Step post(Step main) {
    return post(main.state());
  }

  /** The post step in a separate JVM, with the given STATE_* values (names without the prefix). */
  public Step post(Map<String, String> savedState) {
    Map<String, String> state = new LinkedHashMap<>();
    savedState.forEach((k, v) -> state.put("STATE_" + k, v));
    return process("action-post", state);
  }

  /** The main step in this JVM (unit tests that fail before any network call). */
  public Step mainInProcess() {
    Paths p = newPaths();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = ActionRunner.mainStep(withPaths(p, Map.of()), new PrintStream(out, true, StandardCharsets.UTF_8));
    return read(code, out.toString(StandardCharsets.UTF_8), "", p);
  }

  /** The post step in this JVM, with the given STATE_* values (names without the prefix). */
  public Step postInProcess(Map<String, String> savedState) {
    Paths p = newPaths();
    Map<String, String> state = new LinkedHashMap<>();
    savedState.forEach((k, v) -> state.put("STATE_" + k, v));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = ActionRunner.post(withPaths(p, state), new PrintStream(out, true, StandardCharsets.UTF_8));
    return read(code, out.toString(StandardCharsets.UTF_8), "", p);
  }

  /** A step started as a separate JVM and not yet waited for (to signal it mid-operation). */
  public final class Launched {
    public final Process process;
    private final Paths paths;
    private final Path out;
    private final Path err;

    private Launched(Process process, Paths paths, Path out, Path err) {
      this.process = process;
      this.paths = paths;
      this.out = out;
      this.err = err;
    }

    /** What the step wrote so far (its outputs and state parsed as the runner would). */
    public Step finish(long seconds) throws InterruptedException, IOException {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("the step did not end within " + seconds + "s: " + Files.readString(out));
      }
      return read();
    }

    private Step read() throws IOException {
      return SimulatedRunner.read(process.exitValue(), Files.readString(out), Files.readString(err), paths);
    }

    /** Its stdout so far. */
    public String stdout() throws IOException {
      return Files.readString(out);
    }
  }

  /** Starts {@code jit-elevate <command>} (action or action-post) as the runner would, with extra variables. */
  public Launched launch(String command, Map<String, String> extra) throws IOException {
    Paths p = newPaths();
    Path out = Files.createTempFile(root, command, ".out");
    Path err = Files.createTempFile(root, command, ".err");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.jitelevate.runner.JitElevate", command)
        .directory(workspace.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().putAll(withPaths(p, extra));
    return new Launched(pb.start(), p, out, err);
  }

  private record Paths(Path output, Path state, Path summary) {}

  private Paths newPaths() {
    String id = UUID.randomUUID().toString();
    try {
      return new Paths(Files.createFile(commands.resolve("set_output_" + id)),
          Files.createFile(commands.resolve("save_state_" + id)), Files.createFile(commands.resolve("step_summary_" + id)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> withPaths(Paths p, Map<String, String> extra) {
    Map<String, String> all = new LinkedHashMap<>(env);
    all.putAll(extra);
    all.put("GITHUB_OUTPUT", p.output().toString());
    all.put("GITHUB_STATE", p.state().toString());
    all.put("GITHUB_STEP_SUMMARY", p.summary().toString());
    return all;
  }

  private Step process(String command, Map<String, String> extra) {
    try {
      Launched launched = launch(command, extra);
      if (!launched.process.waitFor(8, TimeUnit.MINUTES)) {
        launched.process.destroyForcibly();
        throw new AssertionError("the " + command + " step did not finish within 8 minutes");
      }
      return launched.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static Step read(int code, String stdout, String stderr, Paths p) {
    try {
      return new Step(code, stdout, stderr, RunnerFiles.parseFileCommands(Files.readString(p.output())),
          RunnerFiles.parseFileCommands(Files.readString(p.state())), Files.readString(p.summary()), p.output(), p.state(), p.summary());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that none of the secrets shows anywhere the steps left text ({@link LeakScan}). */
  public void assertNoSecretsIn(Collection<String> secrets, Step... steps) {
    LeakScan.assertNoneIn(workspace, secrets, steps);
  }
}
