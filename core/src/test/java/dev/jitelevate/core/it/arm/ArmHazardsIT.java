package dev.jitelevate.core.it.arm;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.RG_APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.emulator.server.FaultRule;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real services' hazards: slow propagation, throttling, 5xx bursts, and policies that refuse. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArmHazardsIT {
  @RegisterExtension
  static final ArmEmulatorRun run = new ArmEmulatorRun();

  private static ElevationRequest.Builder secretsOfficer(Strategy strategy) {
    return ElevationRequest.builder().azureRole("Key Vault Secrets Officer", RG_APP).strategy(strategy)
        .duration(Duration.ofMinutes(30)).justification("rotate the db password")
        .provisioningTimeout(Duration.ofSeconds(5)).propagationTimeout(Duration.ofSeconds(5));
  }

  private long putsOfScheduleRequests(int status) {
    return run.emulator.journal().stream().filter(j -> j.method().equals("PUT") && j.status() == status
        && j.path().contains("roleAssignmentScheduleRequests")).count();
  }

  @Nested
  class Propagation {
    @Test
    void anActivationIsVerifiedOnlyOnceThePermissionsApiShowsIt() throws Exception {
      run.emulator.hazards(ArmEmulatorRun.fast().withPropagationDelay(Duration.ofMillis(900)));

      ElevationOutcome outcome = run.selfElevator().run(secretsOfficer(Strategy.SELF).build(), context -> { });

      assertThat(outcome.failure()).isEmpty();
      ActivationRecord.Timeline t = outcome.record().timeline();
      assertThat(Duration.between(t.provisioned().orElseThrow(), t.verified().orElseThrow()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(500));
      assertThat(run.retries("not effective yet")).isPositive();
      ArmEmulatorRun.assertValidRecord(outcome.record());
    }

    @Test
    void repeatedChecksWhileTheRolePropagatesSignInOnlyOnce() {
      run.emulator.hazards(ArmEmulatorRun.fast().withPropagationDelay(Duration.ofMillis(900)));

      ElevationOutcome outcome = run.brokerElevator().run(secretsOfficer(Strategy.BROKER).build(), context -> { });

      assertThat(outcome.failure()).isEmpty();
      var journal = run.emulator.journal();
      int first = -1;
      int last = -1;
      for (int i = 0; i < journal.size(); i++) {
        if (journal.get(i).path().endsWith("/permissions")) {
          first = first < 0 ? i : first;
          last = i;
        }
      }
      assertThat(journal.subList(first, last + 1)).as("checks of the permissions API").filteredOn(j -> j.path().endsWith("/permissions"))
          .hasSizeGreaterThan(1);
      assertThat(journal.subList(first, last + 1)).as("token requests between the first and the last check")
          .noneMatch(j -> j.surface().equals("entra"));
    }
  }

  @Nested
  class TransientFailures {
    @Test
    void aThrottledSubmitIsRetriedAfterRetryAfterAndCreatesOneRequest() {
      run.emulator.injectFault(FaultRule.throttle("PUT", "roleAssignmentScheduleRequests", 1, 2));

      ElevationOutcome outcome = run.brokerElevator().run(secretsOfficer(Strategy.BROKER).build(), context -> { });

      assertThat(outcome.failure()).isEmpty();
      assertThat(run.retries("429")).isGreaterThanOrEqualTo(2);
      assertThat(putsOfScheduleRequests(201)).as("AdminAssign and AdminRemove, once each").isEqualTo(2);
      assertThat(outcome.record().retries()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aThrottleWithoutRetryAfterIsRetriedWithTheClientsOwnBackOff() {
      run.emulator.injectFault(FaultRule.status("PUT", "roleAssignmentScheduleRequests", 429, 2));

      ElevationOutcome outcome = run.brokerElevator().run(secretsOfficer(Strategy.BROKER).build(), context -> { });

      assertThat(outcome.failure()).isEmpty();
      assertThat(run.retries("429")).isGreaterThanOrEqualTo(2);
      assertThat(putsOfScheduleRequests(429)).isEqualTo(2);
      assertThat(putsOfScheduleRequests(201)).as("AdminAssign and AdminRemove, once each").isEqualTo(2);
    }

    @Test
    void aBurstOf5xxIsRetriedAndTheActivationSucceeds() {
      run.emulator.injectFault(FaultRule.status("PUT", "roleAssignmentScheduleRequests", 503, 2));

      ElevationOutcome outcome = run.selfElevator().run(secretsOfficer(Strategy.SELF).build(), context -> { });

      assertThat(outcome.failure()).isEmpty();
      assertThat(run.retries("503")).isEqualTo(2);
      assertThat(putsOfScheduleRequests(503)).isEqualTo(2);
      assertThat(putsOfScheduleRequests(201)).as("SelfActivate and SelfDeactivate, once each").isEqualTo(2);
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    }
  }

  @Nested
  class PolicyViolations {
    @Test
    void aDurationOverThePolicyMaximumIsRefusedBeforeAnythingIsSubmitted() {
      ElevationRequest tooLong = secretsOfficer(Strategy.SELF).duration(Duration.ofHours(5)).build();

      assertThatThrownBy(() -> run.selfElevator().elevate(tooLong))
          .isInstanceOfSatisfying(PolicyViolationException.class, e -> {
            assertThat(e.rule()).isEqualTo("ExpirationRule");
            assertThat(e.fix()).contains("4h");
          });
      assertThat(putsOfScheduleRequests(201)).isZero();
    }

    @Test
    void aMissingJustificationIsRefusedNamingTheRule() {
      ElevationRequest unjustified = secretsOfficer(Strategy.SELF).justification("").build();

      assertThatThrownBy(() -> run.selfElevator().elevate(unjustified))
          .isInstanceOfSatisfying(PolicyViolationException.class, e -> assertThat(e.rule()).isEqualTo("JustificationRule"));
    }
  }
}
