package dev.jitelevate.core.it.graph;

import static dev.jitelevate.core.it.graph.GraphWorld.CI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord.TargetKind;
import dev.jitelevate.core.ActivationRecord.TargetSection;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.ActiveElevations;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.emulator.kernel.ActiveAssignment;
import dev.jitelevate.emulator.server.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several targets in one elevation (issue 14 item 5) on all three surfaces: the broker assigns the CI identity an
 * Azure role, a directory role and group membership in parallel, all-or-nothing, with one record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiTargetElevationIT {
  @RegisterExtension
  static final GraphWorld world = new GraphWorld();
  private static final String RG_APP = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app";
  private static final String ARM_SUBMIT = "resourceGroups/rg-app/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/";
  private static final String DIRECTORY_SUBMIT = "roleManagement/directory/roleAssignmentScheduleRequests$";
  private static final String GROUP_SUBMIT = "privilegedAccess/group/assignmentScheduleRequests$";

  private static ElevationRequest.Builder base() {
    return ElevationRequest.builder().strategy(Strategy.BROKER).duration(Duration.ofHours(1)).justification("release 42")
        .approvalTimeout(Duration.ofSeconds(10)).provisioningTimeout(Duration.ofSeconds(10))
        .propagationTimeout(Duration.ofSeconds(5));
  }

  private static ElevationRequest azureRole() {
    return base().azureRole("Key Vault Secrets Officer", RG_APP).build();
  }

  private static ElevationRequest directoryRole() {
    return base().directoryRole("User Administrator").build();
  }

  private static ElevationRequest group() {
    return base().group("grp-prod-admins", GroupAccess.MEMBER).build();
  }

  private static List<ActiveAssignment> heldByCi() {
    return world.emulator.activeAssignments().stream().filter(a -> a.principalId().equals(CI) && !a.fromScenario()).toList();
  }

  @Test
  void allThreeSurfacesAreActiveTogetherWhileTheOperationRunsAndAllAreRevokedAfter() {
    AtomicInteger activeDuringOperation = new AtomicInteger();
    ElevationOutcome outcome = world.elevator(world.ci()).runAll(List.of(azureRole(), directoryRole(), group()),
        context -> activeDuringOperation.set(heldByCi().size()));

    assertThat(outcome.failure()).isEmpty();
    assertThat(activeDuringOperation.get()).isEqualTo(3);
    assertThat(heldByCi()).isEmpty();
    ActivationRecord record = outcome.record();
    assertThat(record.schemaVersion()).isEqualTo("1.3");
    assertThat(record.outcome()).isEqualTo(ActivationRecord.Outcome.SUCCEEDED);
    assertThat(record.revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    assertThat(record.targets()).extracting(s -> s.target().kind())
        .containsExactly(TargetKind.AZURE_ROLE, TargetKind.DIRECTORY_ROLE, TargetKind.GROUP);
    assertThat(record.targets()).allSatisfy(s -> assertThat(s.revocation().status()).isEqualTo(RevocationStatus.REVOKED));
    assertThat(record.requestIds()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(record.timeline().operationStarted()).isPresent();
    GraphWorld.assertValidAgainstSchema(record);
    assertThat(ActivationRecords.fromJson(ActivationRecords.toJson(record))).isEqualTo(record);
  }

  @Test
  void theEventsNameTheirTarget() {
    world.elevator(world.ci()).runAll(List.of(azureRole(), group()), context -> { });
    List<ElevationEvent.StepStarted> submits = world.events.stream().filter(ElevationEvent.StepStarted.class::isInstance)
        .map(ElevationEvent.StepStarted.class::cast).filter(s -> s.step().startsWith("submit")).toList();
    assertThat(submits).extracting(ElevationEvent.StepStarted::step).containsExactlyInAnyOrder("submit[1]", "submit[2]");
    assertThat(submits).extracting(ElevationEvent.StepStarted::detail)
        .containsExactlyInAnyOrder(azureRole().target().describe(), group().target().describe());
    assertThat(world.events.stream().filter(ElevationEvent.Recorded.class::isInstance)).hasSize(1);
  }

  @Test
  void aFaultOnASecondAzureRoleRevokesTheDirectoryRoleGrantedFirst() {
    assertSecondTargetFaultLeavesNothingActive(List.of(directoryRole(), azureRole()), ARM_SUBMIT, "PUT");
  }

  @Test
  void aFaultOnASecondDirectoryRoleRevokesTheAzureRoleGrantedFirst() {
    assertSecondTargetFaultLeavesNothingActive(List.of(azureRole(), directoryRole()), DIRECTORY_SUBMIT, "POST");
  }

  @Test
  void aFaultOnASecondGroupRevokesTheAzureRoleGrantedFirst() {
    assertSecondTargetFaultLeavesNothingActive(List.of(azureRole(), group()), GROUP_SUBMIT, "POST");
  }

  private void assertSecondTargetFaultLeavesNothingActive(List<ElevationRequest> requests, String path, String method) {
    world.emulator.injectFault(FaultRule.status(method, path, 403, 50));
    AtomicLong operationRuns = new AtomicLong();
    ElevationOutcome outcome = world.elevator(world.ci()).runAll(requests, context -> operationRuns.incrementAndGet());

    assertThat(outcome.failure()).isPresent();
    assertThat(operationRuns.get()).isZero();
    assertThat(heldByCi()).isEmpty();
    ActivationRecord record = outcome.record();
    TargetSection first = record.targets().get(0);
    TargetSection second = record.targets().get(1);
    assertThat(first.revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    assertThat(first.error()).isEmpty();
    assertThat(second.error()).isPresent();
    assertThat(second.revocation().status()).isEqualTo(RevocationStatus.NOT_CREATED);
    assertThat(record.outcome()).isEqualTo(ActivationRecord.Outcome.FAILED);
    assertThat(record.error().orElseThrow().message()).startsWith(requests.get(1).target().describe() + ": ");
    GraphWorld.assertValidAgainstSchema(record);
  }

  @Test
  void aHeldElevationOfSeveralTargetsHandsOutEveryHandleAndRevokesThemAllOnClose() {
    try (ActiveElevations all = world.elevator(world.ci()).elevateAll(List.of(azureRole(), directoryRole()))) {
      assertThat(all.handles()).hasSize(2);
      assertThat(heldByCi()).hasSize(2);
      assertThat(all.record().revocation().status()).isEqualTo(RevocationStatus.PENDING);
    }
    assertThat(heldByCi()).isEmpty();
  }

  @Test
  void aFailedElevationOfSeveralTargetsThrowsTheFirstFailureWithTheRecordAttached() {
    world.emulator.injectFault(FaultRule.status("POST", GROUP_SUBMIT, 403, 50));
    assertThatThrownBy(() -> world.elevator(world.ci()).elevateAll(List.of(directoryRole(), group())))
        .isInstanceOfSatisfying(ElevationException.class, e -> {
          assertThat(e.record()).isPresent();
          assertThat(e.record().orElseThrow().targets()).hasSize(2);
        });
    assertThat(heldByCi()).isEmpty();
  }

  @Test
  void theSameTargetTwiceIsRefusedBeforeAnythingIsSubmitted() {
    ElevationOutcome outcome = world.elevator(world.ci()).runAll(List.of(group(), group()), context -> { });
    assertThat(outcome.failure()).containsInstanceOf(InvalidElevationRequestException.class);
    assertThat(world.emulator.journal().stream().filter(j -> j.path().contains("ScheduleRequests"))).isEmpty();
  }
}
