package dev.jitelevate.runner.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoEmulatorsTest {
  @TempDir
  Path dir;

  @Test
  void looksForTheDemoJarBesideTheRunningJar() {
    assertThat(DemoEmulators.besides(dir.resolve("jit-elevate.jar"))).isEqualTo(dir.resolve("jit-elevate-demo.jar"));
  }

  @Test
  void findsAReleasesVersionedDemoJarBesideItsVersionedJar() throws Exception {
    Files.createFile(dir.resolve("jit-elevate-demo-1.4.0.jar"));

    assertThat(DemoEmulators.besides(dir.resolve("jit-elevate-1.4.0.jar"))).isEqualTo(dir.resolve("jit-elevate-demo-1.4.0.jar"));
    assertThat(DemoEmulators.besides(dir.resolve("jit-elevate-2.0.0.jar"))).isEqualTo(dir.resolve("jit-elevate-demo.jar"));
  }
}
