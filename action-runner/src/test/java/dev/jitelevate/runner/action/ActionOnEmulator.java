package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The action's steps on the emulator, for the action's ITs ({@code @RegisterExtension static final}): one emulator
 * per test class, started with the demo scenario; before each test the emulator reset and a fresh simulated runner
 * whose workspace holds the emulator's cloud profile and whose environment is what the action reads (the demo
 * tenant, its identities, GitHub's OIDC request, assignments active a second at least); after each test, nothing
 * may be left active.
 */
final class ActionOnEmulator implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private static final Hazards HAZARDS = Hazards.none().withMinimumActiveDuration(Duration.ofSeconds(1));

  private final UnaryOperator<SimulatedRunner> inputs;
  private PimEmulator emulator;
  private Path root;
  private SimulatedRunner runner;

  private ActionOnEmulator(UnaryOperator<SimulatedRunner> inputs) {
    this.inputs = inputs;
  }

  /** The action with the demo identities and the given inputs on top (a target, an operation, …). */
  static ActionOnEmulator elevating(UnaryOperator<SimulatedRunner> inputs) {
    return new ActionOnEmulator(inputs);
  }

  /** The action elevating to Key Vault Secrets Officer on the demo resource group, with no operation set. */
  static ActionOnEmulator elevatingTheRole() {
    return elevating(r -> r.input("role", "Key Vault Secrets Officer").input("scope", ActionStepsIT.SCOPE));
  }

  /** The action rotating db-password in kv-jit-demo under Key Vault Secrets Officer. */
  static ActionOnEmulator rotatingDbPassword() {
    return elevatingTheRole().and(r -> r.input("operation", "keyvault-rotate").input("vault", "kv-jit-demo")
        .input("secrets", "db-password").input("validate-timeout", "5m"));
  }

  /** The same with more inputs set on every test's runner. */
  ActionOnEmulator and(UnaryOperator<SimulatedRunner> more) {
    return new ActionOnEmulator(r -> more.apply(inputs.apply(r)));
  }

  /** The class's emulator (started). */
  PimEmulator emulator() {
    return emulator;
  }

  /** This test's runner: its workspace, inputs and environment. */
  SimulatedRunner runner() {
    return runner;
  }

  /** This test's own directory (the runner's root, removed after the test). */
  Path dir() {
    return root;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).hazards(HAZARDS).start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    emulator.close();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    emulator.reset();
    emulator.hazards(HAZARDS);
    root = Files.createTempDirectory("action-it");
    SimulatedRunner fresh = new SimulatedRunner(root);
    emulator.writeProfile(fresh.workspace.resolve("cloud-profile.json"));
    fresh.input("cloud-profile", "cloud-profile.json").input("tenant-id", ActionStepsIT.TENANT)
        .input("client-id", "c1c1c1c1-0000-4000-8000-0000000000a1").input("subscription-id", ActionStepsIT.SUBSCRIPTION)
        .input("broker-client-id", "b0b0b0b0-0000-4000-8000-0000000000a1").input("duration", "30m")
        .env(StepContext.MIN_ACTIVE_VARIABLE, "1s")
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", emulator.github().oidcRequestUrl())
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", emulator.github().oidcRequestToken());
    runner = inputs.apply(fresh);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      assertThat(emulator.leaks()).as("assignments left active").isEmpty();
    } finally {
      delete(root);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
