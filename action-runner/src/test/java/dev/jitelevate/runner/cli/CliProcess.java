package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the shaded jar ({@code target/jit-elevate.jar}, built by {@code package}) as a separate process. */
final class CliProcess {
  static final Path JAR = Path.of("target", "jit-elevate.jar").toAbsolutePath();
  static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();
  private static final long TIMEOUT_SECONDS = 120;

  /** What the process printed and how it exited. */
  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private final Map<String, String> env = new LinkedHashMap<>();

  CliProcess() {
    assertThat(JAR).as("the shaded jar (run the package phase first)").exists();
    for (String keep : List.of("PATH", "HOME", "TMPDIR", "LANG", "JAVA_HOME")) {
      String value = System.getenv(keep);
      if (value != null) {
        env.put(keep, value);
      }
    }
  }

  CliProcess env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** The java executable running the tests. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A command line that runs a main class of the test classes with the jar's class path. */
  static List<String> javaMain(Class<?> main, String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", JAR + File.pathSeparator + TEST_CLASSES, main.getName()));
    command.addAll(List.of(args));
    return command;
  }

  Result run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    command.addAll(args);
    return exec(command);
  }

  Result run(String... args) throws IOException, InterruptedException {
    return run(List.of(args));
  }

  /** A running jit-elevate, its stderr in a file to watch. */
  record Running(Process process, Path err) {
    /** Waits until stderr contains the text. */
    void awaitErr(String text, long seconds) throws IOException, InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (!Files.readString(err).contains(text)) {
        if (System.nanoTime() > until || !process.isAlive()) {
          throw new AssertionError("stderr never showed '" + text + "': " + Files.readString(err));
        }
        Thread.sleep(100);
      }
    }
  }

  Running start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    command.addAll(args);
    Path err = Files.createTempFile("cli-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return new Running(builder.start(), err);
  }

  Result exec(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("cli-out", ".txt");
    Path err = Files.createTempFile("cli-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("jit-elevate did not finish within " + TIMEOUT_SECONDS + "s: " + Files.readString(err));
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }
}
