package dev.jitelevate.core.it.arm;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.ALICE;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.RG_APP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.RevokePolicy;
import dev.jitelevate.core.Strategy;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Revocation inside the service's minimum active duration (shortened in the emulator instead of PIM's 5
 * minutes), and access that existed before the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArmRevokeIT {
  private static final Duration LONG_FLOOR = Duration.ofMinutes(5);
  @RegisterExtension
  static final ArmEmulatorRun run = new ArmEmulatorRun();

  private static ElevationRequest secretsOfficer(RevokePolicy policy) {
    return ElevationRequest.builder().azureRole("Key Vault Secrets Officer", RG_APP).strategy(Strategy.SELF)
        .duration(Duration.ofMinutes(30)).justification("rotate the db password").revokePolicy(policy)
        .provisioningTimeout(Duration.ofSeconds(5)).propagationTimeout(Duration.ofSeconds(5)).build();
  }

  private boolean aliceIsActive() {
    return run.emulator.activeAssignments().stream().anyMatch(a -> a.principalId().equals(ALICE) && !a.fromScenario());
  }

  /** Lets the server-side expiry end what a test deliberately left active. */
  private void expireEverything() {
    run.emulator.clock().advance(Duration.ofMinutes(31));
  }

  @Nested
  class InsideTheMinimumActiveDuration {
    @Test
    void waitForMinimumWaitsOutTheFloorThenRevokes() {
      ElevationOutcome outcome = run.selfElevator().run(secretsOfficer(RevokePolicy.WAIT_FOR_MINIMUM), context -> { });

      assertThat(outcome.failure()).isEmpty();
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      assertThat(run.events).anyMatch(e -> e instanceof ElevationEvent.Waiting w && w.step().equals("revoke"));
      assertThat(run.emulator.journal()).noneMatch(j -> j.status() == 400);
      assertThat(aliceIsActive()).isFalse();
    }

    @Test
    void leaveToExpiryLeavesTheActivationToItsServerSideExpiry() {
      run.emulator.hazards(ArmEmulatorRun.fast().withMinimumActiveDuration(LONG_FLOOR));

      ElevationOutcome outcome = run.selfElevator(LONG_FLOOR).run(secretsOfficer(RevokePolicy.LEAVE_TO_EXPIRY), c -> { });

      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.LEFT_TO_EXPIRE);
      assertThat(outcome.record().revocation().expiresAt()).isPresent();
      assertThat(aliceIsActive()).isTrue();
      expireEverything();
    }

    @Test
    void leaveToExpiryAlsoWhenOnlyTheServiceKnowsTheFloor() {
      run.emulator.hazards(ArmEmulatorRun.fast().withMinimumActiveDuration(LONG_FLOOR));

      ElevationOutcome outcome = run.selfElevator(Duration.ZERO).run(secretsOfficer(RevokePolicy.LEAVE_TO_EXPIRY), c -> { });

      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.LEFT_TO_EXPIRE);
      assertThat(run.emulator.journal()).anyMatch(j -> j.method().equals("PUT") && j.status() == 400);
      assertThat(aliceIsActive()).isTrue();
      expireEverything();
    }
  }

  @Nested
  class PreExistingAccess {
    @Test
    void anActivationThatExistedBeforeTheRunIsUsedAndLeftUntouched() {
      try (ActiveElevation earlier = run.selfElevator().elevate(secretsOfficer(RevokePolicy.WAIT_FOR_MINIMUM))) {
        ElevationOutcome outcome = run.selfElevator().run(secretsOfficer(RevokePolicy.WAIT_FOR_MINIMUM), c -> { });

        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.PRE_EXISTING);
        assertThat(aliceIsActive()).as("the earlier activation is still there").isTrue();
        assertThat(earlier.handle().createdByThisRun()).isTrue();
      }
      assertThat(aliceIsActive()).isFalse();
    }
  }
}
