package dev.jitelevate.runner.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** target/jit-elevate, the README's launcher: runs the jar beside it and makes its class-data archive on first use. */
class LauncherIT {
  static final Path LAUNCHER = Path.of("target", "jit-elevate").toAbsolutePath();

  @TempDir
  Path cache;

  record Run(int code, String out, String err) {}

  Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile(cache, "out", ".txt");
    Path err = Files.createTempFile(cache, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  List<String> archives() throws IOException {
    Path dir = cache.resolve("jit-elevate");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".jsa")).sorted().toList();
    }
  }

  @Test
  void isExecutableAndRunsTheJarBesideIt() throws Exception {
    assertThat(Files.isExecutable(LAUNCHER)).isTrue();
    Run r = launch(Map.of(), "--version");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("jit-elevate ");
    assertThat(archives()).as("--version is not worth an archive").isEmpty();
  }

  @Test
  void makesAClassDataArchiveOnFirstUseAndRunsWithItAfterwards() throws Exception {
    Run first = launch(Map.of(), "demo", "--help");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("Usage:").doesNotContain("[cds]");
    launch(Map.of(), "--help"); // --version runs without an archive, so it moves none in place

    List<String> made = archives();
    assertThat(made).hasSize(1);
    assertThat(made.get(0)).matches("jit-elevate-\\d+\\.jsa");
    // -Xshare:on fails the JVM's start when the archive cannot be used.
    Run shared = launch(Map.of("JIT_ELEVATE_JAVA_OPTS", "-Xshare:on"), "--help");
    assertThat(shared.code()).as(shared.err()).isZero();
    assertThat(shared.out()).contains("Usage:");
  }

  @Test
  void runsWithoutAnArchiveWhenSwitchedOff() throws Exception {
    Run r = launch(Map.of("JIT_ELEVATE_CDS", "off"), "demo", "--help");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(archives()).isEmpty();
  }

  @Test
  void saysWhichJarIsMissing() throws Exception {
    Run r = launch(Map.of("JIT_ELEVATE_JAR", cache.resolve("nowhere.jar").toString()), "--version");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("jit-elevate: " + cache.resolve("nowhere.jar") + " is missing")
        .contains("./mvnw -pl action-runner -am package");
  }
}
