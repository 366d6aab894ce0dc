package dev.jitelevate.core.it.arm;

import static dev.jitelevate.core.it.arm.ArmEmulatorRun.ALICE;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.RG_APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.OperationContext;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.Strategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Java library calling the core in a long-lived JVM, against the emulator: whatever {@link Error} the privileged
 * operation throws ({@code AssertionError} under {@code -ea}, {@code NoClassDefFoundError}, {@code StackOverflowError}),
 * the elevation is revoked at the service before the run returns or the error escapes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorInOperationIT {
  @RegisterExtension
  static final ArmEmulatorRun run = new ArmEmulatorRun();

  private static ElevationRequest secretsOfficer() {
    return ElevationRequest.builder().azureRole("Key Vault Secrets Officer", RG_APP).strategy(Strategy.SELF)
        .duration(Duration.ofMinutes(30)).justification("rotate the db password")
        .provisioningTimeout(Duration.ofSeconds(5)).propagationTimeout(Duration.ofSeconds(5)).build();
  }

  private boolean aliceIsActive() {
    return run.emulator.activeAssignments().stream().anyMatch(a -> a.principalId().equals(ALICE) && !a.fromScenario());
  }

  @Test
  void anAssertionErrorInTheOperationIsAnOperationFailureAndTheElevationIsRevoked() {
    boolean[] activeDuring = new boolean[1];
    ElevationOutcome outcome = run.selfElevator().run(secretsOfficer(), context -> {
      activeDuring[0] = aliceIsActive();
      throw new AssertionError("expected 3 secrets");
    });

    assertThat(activeDuring[0]).as("the elevation was active during the operation").isTrue();
    assertThat(outcome.failure()).get().extracting(f -> f.kind()).isEqualTo(FailureKind.OPERATION_FAILED);
    assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    assertThat(aliceIsActive()).isFalse();
    assertThat(run.emulator.leaks()).isEmpty();
  }

  @Test
  void aStackOverflowEscapesOnlyAfterTheElevationIsRevokedAtTheService() {
    PrivilegedOperation recursive = new PrivilegedOperation() {
      @Override
      public void perform(OperationContext context) {
        throw new StackOverflowError();
      }

      @Override
      public String name() {
        return "recursive";
      }
    };

    assertThatThrownBy(() -> run.selfElevator().run(secretsOfficer(), recursive)).isInstanceOf(StackOverflowError.class);

    assertThat(aliceIsActive()).isFalse();
    assertThat(run.emulator.leaks()).isEmpty();
  }

  @Test
  void anErrorInsideAHeldElevationIsRevokedWhenItsTryWithResourcesCloses() {
    assertThatThrownBy(() -> {
      try (ActiveElevation held = run.selfElevator().elevate(secretsOfficer())) {
        assertThat(held.handle().requestId()).isNotBlank();
        throw new NoClassDefFoundError("com/example/VaultClient");
      }
    }).isInstanceOf(NoClassDefFoundError.class);

    assertThat(aliceIsActive()).isFalse();
    assertThat(run.emulator.leaks()).isEmpty();
  }
}
