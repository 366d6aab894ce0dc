package dev.jitelevate.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@link CliProcess} for tests in other packages, with HOME in the test's directory. */
public final class TestCli {
  private TestCli() {}

  /** What a finished process printed and how it exited. */
  public record Result(int exitCode, String out, String err) {
    public String all() {
      return out + err;
    }
  }

  /** A running process and its stderr so far. */
  public record Running(Process process, Path errFile) {
    public String err() throws IOException {
      return Files.readString(errFile);
    }
  }

  private static CliProcess cli(Path home) {
    return new CliProcess().env("HOME", home.toString()).env("XDG_CONFIG_HOME", home.resolve("config").toString());
  }

  public static Result run(Path home, List<String> args) throws IOException, InterruptedException {
    CliProcess.Result r = cli(home).run(args);
    return new Result(r.exitCode(), r.out(), r.err());
  }

  /** Runs with extra environment variables (e.g. a webhook URL that must come from the environment). */
  public static Result run(Path home, java.util.Map<String, String> env, List<String> args)
      throws IOException, InterruptedException {
    CliProcess cli = cli(home);
    env.forEach(cli::env);
    CliProcess.Result r = cli.run(args);
    return new Result(r.exitCode(), r.out(), r.err());
  }

  public static Running start(Path home, List<String> args) throws IOException {
    CliProcess.Running r = cli(home).start(args);
    return new Running(r.process(), r.err());
  }
}
