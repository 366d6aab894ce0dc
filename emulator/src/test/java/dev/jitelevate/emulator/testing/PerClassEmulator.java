package dev.jitelevate.emulator.testing;

import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class whose tests share one emulator (nested classes too): started before them on an ephemeral port,
 * reset before each, stopped after them. A subclass's own {@code @BeforeAll} and {@code @BeforeEach} run after
 * these, with {@link #emulator} and {@link #http} ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PerClassEmulator {
  protected PimEmulator emulator;
  /** An HTTPS client for the emulator, trusting only its CA. */
  protected EmulatorHttp http;

  /** The emulator the tests run against: the demo scenario unless a subclass says otherwise. */
  protected PimEmulator.Builder emulatorBuilder() {
    return PimEmulator.builder().scenario(Scenario.demo());
  }

  @BeforeAll
  final void startEmulator() {
    emulator = emulatorBuilder().start();
    http = new EmulatorHttp(emulator);
  }

  @AfterAll
  final void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  final void resetEmulator() {
    emulator.reset();
  }
}
