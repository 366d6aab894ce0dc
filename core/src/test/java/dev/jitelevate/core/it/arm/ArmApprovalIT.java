package dev.jitelevate.core.it.arm;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.ALICE;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.BOB;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.SUB_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationDeniedException;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTimeoutException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.TicketInfo;
import dev.jitelevate.emulator.kernel.PendingApproval;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

/** Contributor at the subscription needs Bob's approval and a ticket (demo scenario): approved, denied, nobody decides. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArmApprovalIT {
  @RegisterExtension
  static final ArmEmulatorRun run = new ArmEmulatorRun();
  private ScheduledExecutorService approver;

  @BeforeEach
  void reset() {
    approver = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void tidyUp() {
    approver.shutdownNow();
    assertThat(run.emulator.pendingApprovals()).isEmpty();
  }

  private static ElevationRequest contributor(Duration approvalTimeout) {
    return ElevationRequest.builder().azureRole("Contributor", SUB_SCOPE).strategy(Strategy.SELF)
        .duration(Duration.ofHours(1)).justification("hotfix for the payments outage")
        .ticket(new TicketInfo("INC-4711", "ServiceNow")).approvalTimeout(approvalTimeout)
        .provisioningTimeout(Duration.ofSeconds(5)).propagationTimeout(Duration.ofSeconds(5)).build();
  }

  /** Bob decides every approval that is waiting for him, as soon as it appears. */
  private void bobDecides(boolean approve) {
    approver.scheduleWithFixedDelay(() -> {
      for (PendingApproval pending : run.emulator.pendingApprovals()) {
        run.emulator.decide(pending.approvalId(), approve, BOB, approve ? "go ahead" : "not during the freeze");
      }
    }, 100, 50, TimeUnit.MILLISECONDS);
  }

  @Test
  void anApprovedActivationBecomesEffectiveAndIsRevoked() throws Exception {
    bobDecides(true);

    ElevationOutcome outcome = run.selfElevator().run(contributor(Duration.ofSeconds(10)), context -> { });

    assertThat(outcome.failure()).isEmpty();
    ActivationRecord record = outcome.record();
    assertThat(record.approval()).hasValueSatisfying(a -> assertThat(a.decision()).contains("Approve"));
    assertThat(record.timeline().approved()).isPresent();
    assertThat(record.revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    ArmEmulatorRun.assertValidRecord(record);
  }

  @Test
  void aDeniedActivationFailsAsDeniedAndLeavesNothingActive() throws Exception {
    bobDecides(false);

    ElevationOutcome outcome = run.selfElevator().run(contributor(Duration.ofSeconds(10)), context -> { });

    assertThat(outcome.failure()).hasValueSatisfying(e -> {
      assertThat(e).isInstanceOf(ActivationDeniedException.class);
      assertThat(e.kind()).isEqualTo(FailureKind.DENIED);
    });
    assertThat(outcome.record().outcome()).isEqualTo(ActivationRecord.Outcome.DENIED);
    assertThat(run.emulator.activeAssignments()).noneMatch(a -> a.principalId().equals(ALICE) && !a.fromScenario());
    ArmEmulatorRun.assertValidRecord(outcome.record());
  }

  @Test
  void anActivationNobodyDecidesTimesOutAndIsCancelled() throws Exception {
    ElevationOutcome outcome = run.selfElevator().run(contributor(Duration.ofMillis(600)), context -> { });

    assertThat(outcome.failure()).hasValueSatisfying(e -> {
      assertThat(e).isInstanceOf(ElevationTimeoutException.class);
      assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
    });
    assertThat(run.emulator.journal()).anyMatch(j -> j.method().equals("POST")
        && j.path().endsWith("/cancel") && j.status() == 200);
    ArmEmulatorRun.assertValidRecord(outcome.record());
  }
}
