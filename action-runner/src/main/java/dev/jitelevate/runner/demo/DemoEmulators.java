package dev.jitelevate.runner.demo;

import dev.jitelevate.runner.cli.CliInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the emulator for {@code demo}: on the class path when it is there (tests, the IDE, the benchmark),
 * otherwise in {@value #JAR} beside the running jar, loaded by a class loader of its own. The production jar
 * and the action's image carry neither the emulator nor WireMock.
 */
public final class DemoEmulators {
  /** The file name of the demo's jar, built next to {@code jit-elevate.jar}. */
  public static final String JAR = "jit-elevate-demo.jar";

  private DemoEmulators() {}

  /** The emulator factory, or a one-line input error naming the jar that is missing. */
  public static DemoEmulator.Factory factory() {
    Optional<DemoEmulator.Factory> here = ServiceLoader.load(DemoEmulator.Factory.class, DemoEmulators.class.getClassLoader())
        .findFirst();
    if (here.isPresent()) {
      return here.get();
    }
    Path running = runningFrom().toAbsolutePath();
    Path jar = besides(running);
    if (!Files.isRegularFile(jar)) {
      throw missing("not found beside " + running.getFileName() + " (looked for " + jar + ").");
    }
    try {
      // Parent first: the demo jar adds the emulator, WireMock and Bouncy Castle; everything else comes from ours.
      URLClassLoader loader = new URLClassLoader("jit-elevate-demo", new URL[] {jar.toUri().toURL()},
          DemoEmulators.class.getClassLoader());
      return ServiceLoader.load(DemoEmulator.Factory.class, loader).findFirst()
          .orElseThrow(() -> missing(jar + " holds no demo emulator (a jar of another version?)."));
    } catch (IOException e) {
      throw missing("cannot be read (" + e.getMessage() + ").");
    }
  }

  /**
   * The demo jar beside the running one: jit-elevate-demo.jar, or for a release's jit-elevate-1.4.0.jar its
   * jit-elevate-demo-1.4.0.jar when that is there.
   */
  static Path besides(Path running) {
    Path dir = running.getParent();
    String name = running.getFileName().toString();
    if (name.startsWith("jit-elevate-") && name.endsWith(".jar")) {
      Path versioned = dir.resolve("jit-elevate-demo-" + name.substring("jit-elevate-".length()));
      if (Files.isRegularFile(versioned)) {
        return versioned;
      }
    }
    return dir.resolve(JAR);
  }

  private static Path runningFrom() {
    try {
      return Path.of(DemoEmulators.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of(JAR).toAbsolutePath();
    }
  }

  private static CliInputException missing(String problem) {
    return new CliInputException(JAR, problem,
        "It carries the emulator for demo: build it with ./mvnw -pl action-runner -am package -DskipTests, "
            + "or copy it next to jit-elevate.jar.");
  }
}
