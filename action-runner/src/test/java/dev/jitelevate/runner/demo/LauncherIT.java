package dev.jitelevate.runner.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/** target/jit-elevate, the README's launcher: runs the jar beside it and makes its class-data archive from its first use. */
class LauncherIT {
  static final Path LAUNCHER = Path.of("target", "jit-elevate").toAbsolutePath();

  @TempDir
  Path cache;

  record Run(int code, String out, String err) {}

  ProcessBuilder launcher(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    return pb;
  }

  Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    ProcessBuilder pb = launcher(env, args);
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
  void demoWritesNothingToStandardErrorWhenItSucceeds() throws Exception {
    Run r = launch(Map.of("JIT_ELEVATE_CDS", "off"), "demo", "--quiet", "--record-out", cache.resolve("record.json").toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Left active: nothing");
    assertThat(r.err()).as("WireMock's relocated SLF4J must not see the CLI's provider").isEmpty();
  }

  /** The archives in the cache once no dump is under way (the launcher dumps JDK 17's in the background). */
  List<String> archivesOnceDumped() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (files().stream().anyMatch(n -> n.endsWith(".dumping") || n.contains(".classes")) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return archives();
  }

  List<String> files() throws IOException {
    Path dir = cache.resolve("jit-elevate");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void makesAClassDataArchiveFromItsFirstUseAndRunsWithItAfterwards() throws Exception {
    Run first = launch(Map.of(), "elevate", "--help");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("Usage:").doesNotContain("[cds]");
    launch(Map.of(), "--help"); // --version runs without an archive, so it starts no dump

    List<String> made = archivesOnceDumped();
    assertThat(made).hasSize(1);
    assertThat(made.get(0)).matches("jit-elevate-\\d+\\.jsa");
    // -Xshare:on fails the JVM's start when the archive cannot be used.
    Run shared = launch(Map.of("JIT_ELEVATE_JAVA_OPTS", "-Xshare:on"), "--help");
    assertThat(shared.code()).as(shared.err()).isZero();
    assertThat(shared.out()).contains("Usage:");
  }

  @Test
  void dumpsTheArchiveWithoutHoldingTheCommandsOutputOpen() throws Exception {
    assumeTrue(Runtime.version().feature() < 19, "JDK 19+ writes its archive at exit, with no dump after");
    launch(Map.of(), "elevate", "--help");
    Process help = launcher(Map.of(), "--help").redirectErrorStream(true).start(); // pipes, as in $(jit-elevate ...)
    help.getOutputStream().close();
    byte[] out = help.getInputStream().readAllBytes(); // until every writer of the pipe has closed it

    assertThat(new String(out, StandardCharsets.UTF_8)).contains("Usage:");
    assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(files()).as("the dump is still under way when the command's output ends")
        .anyMatch(n -> n.endsWith(".dumping"));
    assertThat(archivesOnceDumped()).hasSize(1);
  }

  @Test
  void dropsTheUnfinishedLastLineOfAClassListCutShort() throws Exception {
    assumeTrue(Runtime.version().feature() < 19, "only JDK 17's launcher lists classes");
    launch(Map.of(), "elevate", "--help");
    Path list;
    try (Stream<Path> files = Files.list(cache.resolve("jit-elevate"))) {
      list = files.filter(f -> f.getFileName().toString().contains(".classes")).findFirst().orElseThrow();
    }
    Files.writeString(list, "dev/jitelevate/runner/Cut", java.nio.file.StandardOpenOption.APPEND);
    launch(Map.of(), "--help");

    assertThat(archivesOnceDumped()).hasSize(1);
    assertThat(files()).noneMatch(n -> n.endsWith(".failed"));
    Run shared = launch(Map.of("JIT_ELEVATE_JAVA_OPTS", "-Xshare:on"), "--help");
    assertThat(shared.code()).as(shared.err()).isZero();
  }

  @Test
  void givesDemoAnArchiveOfItsOwnThatHoldsTheEmulatorsClasses() throws Exception {
    launch(Map.of(), "elevate", "--help");
    launch(Map.of(), "--help");
    assertThat(archivesOnceDumped()).hasSize(1);

    String record = cache.resolve("demo-record.json").toString();
    Run first = launch(Map.of(), "demo", "--quiet", "--record-out", record);
    assertThat(first.code()).as(first.err()).isZero();
    launch(Map.of(), "demo", "--quiet", "--record-out", record);
    assertThat(archivesOnceDumped()).as("the production jar's and demo's, whose class path adds jit-elevate-demo.jar")
        .hasSize(2);
    Run shared = launch(Map.of("JIT_ELEVATE_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info"), "demo", "--quiet",
        "--record-out", record);
    assertThat(shared.code()).as(shared.err()).isZero();
    assertThat(shared.out()).containsPattern("dev\\.jitelevate\\.emulator\\.PimEmulator source: shared objects file");
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
