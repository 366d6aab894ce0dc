package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.AccessProbe;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.testing.SecretCanary;
import java.time.Duration;
import java.util.List;

/**
 * Runs an operation the way the lifecycle's verify and perform steps do: the probe until it says EFFECTIVE
 * (advancing the emulator's clock between attempts instead of sleeping), then perform. Everything observable
 * goes to the canary.
 */
final class RotationHarness {
  final InProcessKeyVault vault;
  final SecretCanary canary;
  final RecordingOperationContext context;
  int notYet;

  RotationHarness(InProcessKeyVault vault, SecretCanary canary, boolean dryRun) {
    this.vault = vault;
    this.canary = canary;
    this.context = new RecordingOperationContext(vault, canary.listener(), dryRun);
  }

  /** Probes (up to 40 attempts, 250 ms of emulator time apart), then performs; failures are captured and rethrown. */
  void run(PrivilegedOperation operation) {
    try {
      AccessProbe probe = operation.probe(context).orElseThrow();
      while (probe.check(context) == AccessProbe.Result.NOT_YET) {
        if (++notYet > 40) {
          throw new AssertionError("The probe never passed");
        }
        vault.clock.advance(Duration.ofMillis(250));
      }
      operation.perform(context);
    } catch (Exception e) {
      canary.capture("exception of " + operation.name(), e);
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      canary.capture("notes", context.notes);
    }
  }

  /** Runs and returns the ElevationException it must fail with. */
  ElevationException failure(PrivilegedOperation operation) {
    try {
      run(operation);
    } catch (ElevationException e) {
      return e;
    }
    throw new AssertionError("Expected the operation to fail");
  }

  /** The journaled methods of Key Vault writes. */
  List<String> writes() {
    return vault.journal.stream().filter(c -> c.method().equals("PUT") || c.method().equals("PATCH"))
        .map(c -> c.method() + " " + c.path()).toList();
  }
}
