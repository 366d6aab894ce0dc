package dev.jitelevate.runner.cli;

import dev.jitelevate.runner.Redactor;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.runner.demo.DemoEmulator;
import dev.jitelevate.runner.demo.DemoEmulators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The demo's world: the emulator (from {@code jit-elevate-demo.jar}, see {@link DemoEmulators}) with the built-in demo scenario and small hazards, and the two
 * identities of the main job (the CI workload identity signing in with a GitHub OIDC token, and the broker).
 * The ids are the demo scenario's well-known ones (emulator/docs/scenario-format.md).
 */
final class DemoWorld implements AutoCloseable {
  static final String CI_APP_ID = "c1c1c1c1-0000-4000-8000-0000000000a1";
  static final String CI_OBJECT_ID = "c1c1c1c1-0000-4000-8000-000000000001";
  static final String BROKER_APP_ID = "b0b0b0b0-0000-4000-8000-0000000000a1";
  /** The demo scenario's broker secret: public, but treated like any secret (never printed). */
  static final String BROKER_SECRET = "demo-broker-secret-7f3e9c21";
  static final String SCOPE = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app";
  static final String ROLE = "Key Vault Secrets Officer";
  static final String VAULT = "kv-jit-demo";
  static final String SECRET = "db-password";
  static final String FEDERATION_AUDIENCE = "api://AzureADTokenExchange";

  private final DemoEmulator emulator;
  private final CloudProfile cloud;
  private final Path keyCache;

  private DemoWorld(DemoEmulator emulator, Path keyCache) {
    this.emulator = emulator;
    this.keyCache = keyCache;
    this.cloud = CloudProfile.parse(emulator.profileJson());
  }

  /**
   * Starts the emulator with the demo scenario, these delays, and the given deactivation floor; its token
   * signing keys are kept under the user's cache directory and reused by the next demo.
   */
  static DemoWorld start(Env env, Duration provisioning, Duration propagation, Duration floor) {
    Path keys = keyCache(env);
    return new DemoWorld(DemoEmulators.factory().start(provisioning, propagation, floor, keys), keys);
  }

  /** {@code $XDG_CACHE_HOME/jit-elevate/demo-emulator}, else {@code ~/.cache/jit-elevate/demo-emulator}. */
  static Path keyCache(Env env) {
    return env.get("XDG_CACHE_HOME").filter(dir -> !dir.isBlank()).map(Path::of)
        .orElseGet(() -> Path.of(env.get("HOME").orElse(System.getProperty("user.home")), ".cache"))
        .resolve("jit-elevate").resolve("demo-emulator");
  }

  /** Where the emulator keeps its token signing keys between demos. */
  Path keyCache() {
    return keyCache;
  }

  String baseUrl() {
    return emulator.baseUrl();
  }

  String tenantId() {
    return emulator.tenantId();
  }

  CloudProfile cloud() {
    return cloud;
  }

  /** The CI workload identity: a fresh GitHub OIDC token exchanged through its federated credential. */
  CredentialSource ciIdentity(Redactor redactor) {
    return Credentials.clientAssertion(cloud, tenantId(), CI_APP_ID, () -> {
      String token = emulator.githubIdToken(FEDERATION_AUDIENCE);
      redactor.register(token);
      return token;
    });
  }

  CredentialSource broker(Redactor redactor) {
    redactor.register(BROKER_SECRET);
    return Credentials.clientSecret(cloud, tenantId(), BROKER_APP_ID, BROKER_SECRET);
  }

  /** Assignments still active that the scenario did not create: must be none after the run. */
  List<String> leaks() {
    return emulator.leaks();
  }

  @Override
  public void close() {
    emulator.close();
  }
}
