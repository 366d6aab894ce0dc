package dev.jitelevate.runner.reliability;

import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.action.SimulatedRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo emulator and a simulated GitHub runner configured with the action's demo inputs (broker strategy,
 * Key Vault Secrets Officer on rg-app, OIDC through the emulator's GitHub issuer), as ActionStepsIT uses them.
 */
final class RunnerWorld implements AutoCloseable {
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String SUBSCRIPTION = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String SCOPE = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-app";
  static final String CI_APP = "c1c1c1c1-0000-4000-8000-0000000000a1";
  static final String BROKER_APP = "b0b0b0b0-0000-4000-8000-0000000000a1";
  static final String BROKER_SECRET = "demo-broker-secret-7f3e9c21";
  static final String ROLE = "Key Vault Secrets Officer";
  static final String MIN_ACTIVE = "JIT_ELEVATE_MIN_ACTIVE_DURATION";

  final PimEmulator emulator = PimEmulator.builder().scenario(Scenario.demo())
      .hazards(Hazards.none().withMinimumActiveDuration(Duration.ofSeconds(1))).start();

  /** A fresh emulator state and a fresh runner in the directory, with the demo inputs. */
  SimulatedRunner runner(Path dir) throws IOException {
    emulator.reset();
    Files.createDirectories(dir);
    SimulatedRunner runner = new SimulatedRunner(dir);
    emulator.writeProfile(runner.workspace.resolve("cloud-profile.json"));
    return runner.input("cloud-profile", "cloud-profile.json").input("tenant-id", TENANT).input("client-id", CI_APP)
        .input("subscription-id", SUBSCRIPTION).input("broker-client-id", BROKER_APP).input("role", ROLE)
        .input("scope", SCOPE).input("duration", "30m").env(MIN_ACTIVE, "1s")
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", emulator.github().oidcRequestUrl())
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", emulator.github().oidcRequestToken());
  }

  /** Assignments active now that the scenario did not start with. */
  int active() {
    return emulator.leaks().size();
  }

  @Override
  public void close() {
    emulator.close();
  }
}
