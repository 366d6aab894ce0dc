package dev.jitelevate.runner.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The emulator as {@code demo} sees it. The production jar does not carry the emulator (WireMock, Jetty,
 * Bouncy Castle): its implementation ships in {@code jit-elevate-demo.jar} beside it and is found by
 * {@link DemoEmulators}.
 */
public interface DemoEmulator extends AutoCloseable {
  /** The emulator's base URL. */
  String baseUrl();

  /** The tenant of the demo scenario. */
  String tenantId();

  /** The cloud profile (JSON) that points every endpoint at the emulator. */
  String profileJson();

  /** A fresh GitHub OIDC token for this audience, signed by the emulator's GitHub issuer. */
  String githubIdToken(String audience);

  /** Assignments still active that the scenario did not create, one line each: must be none after a run. */
  List<String> leaks();

  @Override
  void close();

  /** Starts emulators; provided through {@link java.util.ServiceLoader}. */
  interface Factory {
    /**
     * Starts the emulator on an ephemeral port with the demo scenario, these delays and this deactivation floor;
     * its token signing keys are kept in {@code keyCache} and reused by later demos (RSA key generation is the
     * costliest part of an emulator's start).
     */
    DemoEmulator start(Duration provisioning, Duration propagation, Duration floor, Path keyCache);
  }
}
