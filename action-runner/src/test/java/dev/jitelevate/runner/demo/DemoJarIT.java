package dev.jitelevate.runner.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production jar without the emulator, and {@code demo} finding it in jit-elevate-demo.jar beside it. */
class DemoJarIT {
  static final Path JAR = Path.of("target", "jit-elevate.jar").toAbsolutePath();
  static final Path DEMO_JAR = Path.of("target", DemoEmulators.JAR).toAbsolutePath();

  @TempDir
  Path dir;

  @Test
  void productionJarCarriesNeitherTheEmulatorNorWireMockNorBouncyCastle() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> strays = jar.stream().map(e -> e.getName())
          .filter(n -> n.startsWith("dev/jitelevate/emulator/") || n.startsWith("wiremock/") || n.startsWith("org/bouncycastle/")
              || n.startsWith("dev/jitelevate/runner/demo/embedded/") || n.startsWith("META-INF/services/dev.jitelevate.runner.demo."))
          .limit(5).toList();
      assertThat(strays).isEmpty();
    }
  }

  @Test
  void demoJarCarriesTheEmulatorAndItsProviderButNotTheRunner() throws IOException {
    try (JarFile jar = new JarFile(DEMO_JAR.toFile())) {
      assertThat(jar.getEntry("dev/jitelevate/emulator/PimEmulator.class")).isNotNull();
      assertThat(jar.getEntry("META-INF/services/dev.jitelevate.runner.demo.DemoEmulator$Factory")).isNotNull();
      assertThat(jar.getEntry("dev/jitelevate/runner/JitElevate.class")).isNull();
      assertThat(jar.getEntry("dev/jitelevate/runner/demo/DemoEmulator.class")).isNull();
    }
  }

  @Test
  void demoWithoutItsJarBesideSaysWhichFileIsMissingAndHowToGetIt() throws Exception {
    Path alone = Files.copy(JAR, dir.resolve("jit-elevate.jar"));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        alone.toString(), "demo").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(err).isEqualTo(2);
    assertThat(err.strip().lines()).hasSize(1);
    assertThat(err).contains("jit-elevate demo: jit-elevate-demo.jar: not found beside jit-elevate.jar",
        dir.resolve("jit-elevate-demo.jar").toString(), "./mvnw -pl action-runner -am package");
    assertThat(err).doesNotContain("Exception", "\tat ");
  }

  @Test
  void demoFromThePlainJarWritesNothingToStandardError() throws Exception {
    Path record = dir.resolve("record.json");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JAR.toString(), "demo", "--quiet", "--record-out", record.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(err).isZero();
    assertThat(err).as("WireMock's relocated SLF4J must not see the CLI's provider").isEmpty();
  }
}
