package dev.jitelevate.runner.reliability;

import dev.jitelevate.runner.JitElevate;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.Env;
import dev.jitelevate.runner.Redactor;
import dev.jitelevate.runner.reliability.HostileCatalogue.Drive;
import dev.jitelevate.runner.reliability.HostileCatalogue.HostileCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Drives a hostile CLI case: {@code jit-elevate elevate --dry-run ...} with one option replaced or added. */
final class HostileCli {
  static final Path JAR = Path.of("target", "jit-elevate.jar").toAbsolutePath();

  private HostileCli() {}

  static String drive(HostileCase c, RunnerWorld world, Path dir, RunnerCanary canary, List<String> problems)
      throws IOException, InterruptedException {
    Path record = dir.resolve("cli-record.json");
    List<String> args = args(world, dir, record, c.cliArgs());
    Map<String, String> env = env(world, dir);
    int code;
    String out;
    String err;
    if (c.drive() == Drive.CLI) {
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      ByteArrayOutputStream e = new ByteArrayOutputStream();
      Console console = new Console(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
          new Redactor());
      code = JitElevate.commandLine(new JitElevate(new Env(env), console)).execute(args.toArray(String[]::new));
      out = o.toString(StandardCharsets.UTF_8);
      err = e.toString(StandardCharsets.UTF_8);
    } else {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", JAR.toString()));
      command.addAll(args);
      Path o = dir.resolve("cli.out");
      Path e = dir.resolve("cli.err");
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(o.toFile()).redirectError(e.toFile());
      pb.environment().clear();
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        problems.add("the CLI did not end within 120 s");
      }
      code = p.exitValue();
      out = Files.readString(o);
      err = Files.readString(e);
      Files.delete(o);
      Files.delete(e);
    }
    canary.scan("cli stdout", out);
    canary.scan("cli stderr", err);
    if (Files.exists(record)) {
      canary.scan("cli record", Files.readString(record));
    }
    WorkflowCommands.checkCliLog(out, problems);
    WorkflowCommands.checkCliLog(err, problems);
    if (code != c.exitCode()) {
      problems.add("exit code " + code + ", expected " + c.exitCode() + ": " + WorkflowCommands.show(err));
    }
    if (c.rejects() == null) {
      return "neutralized (exit " + code + ")";
    }
    List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
    if (lines.size() != 1) {
      problems.add(lines.size() + " stderr lines instead of one: " + lines.stream().map(WorkflowCommands::show).toList());
    } else {
      RunnerHostileInputIT.clearError(lines.get(0), c.rejects(), problems);
    }
    return "rejected: " + (lines.isEmpty() ? "(nothing on stderr)" : WorkflowCommands.show(lines.get(0)));
  }

  /** Starts {@code jit-elevate elevate} (not a dry run) through the jar, stdout/stderr in dir/cli.out and cli.err. */
  static Process start(RunnerWorld world, Path dir, List<String> more) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(args(world, dir, dir.resolve("cli-record.json"), List.of()));
    command.remove("--dry-run");
    command.addAll(more);
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("cli.out").toFile())
        .redirectError(dir.resolve("cli.err").toFile());
    pb.environment().clear();
    pb.environment().putAll(env(world, dir));
    return pb.start();
  }

  private static List<String> args(RunnerWorld world, Path dir, Path record, List<String> replace) throws IOException {
    Path profile = world.emulator.writeProfile(dir.resolve("cli-profile.json"));
    Map<String, String> options = new LinkedHashMap<>();
    options.put("--auth", "environment");
    options.put("--cloud-profile", profile.toString());
    options.put("--strategy", "broker");
    options.put("--broker-client-id", RunnerWorld.BROKER_APP);
    options.put("--minimum-active-duration", "1s");
    options.put("--target", "azure-role");
    options.put("--role", RunnerWorld.ROLE);
    options.put("--scope", RunnerWorld.SCOPE);
    options.put("--duration", "30m");
    options.put("--justification", "rotate the payments password");
    options.put("--record-out", record.toString());
    for (int i = 0; i + 1 < replace.size(); i += 2) {
      options.put(replace.get(i), replace.get(i + 1));
    }
    List<String> args = new ArrayList<>(List.of("elevate", "--dry-run"));
    options.forEach((k, v) -> {
      args.add(k);
      args.add(v);
    });
    return args;
  }

  private static Map<String, String> env(RunnerWorld world, Path dir) throws IOException {
    Path token = Files.writeString(dir.resolve("federated-token"), world.emulator.github().idToken("api://AzureADTokenExchange"));
    Map<String, String> env = new LinkedHashMap<>();
    for (String keep : List.of("PATH", "HOME", "LANG", "JAVA_HOME")) {
      String v = System.getenv(keep);
      if (v != null) {
        env.put(keep, v);
      }
    }
    env.put("TMPDIR", dir.toString());
    env.put("AZURE_TENANT_ID", RunnerWorld.TENANT);
    env.put("AZURE_CLIENT_ID", RunnerWorld.CI_APP);
    env.put("AZURE_FEDERATED_TOKEN_FILE", token.toString());
    env.put(Env.BROKER_SECRET, RunnerWorld.BROKER_SECRET);
    return env;
  }
}
