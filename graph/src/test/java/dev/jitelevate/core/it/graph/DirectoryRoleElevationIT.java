package dev.jitelevate.core.it.graph;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static dev.jitelevate.core.it.graph.GraphWorld.ALICE;
import static dev.jitelevate.core.it.graph.GraphWorld.BOB;
import static dev.jitelevate.core.it.graph.GraphWorld.CI;
import static dev.jitelevate.core.it.graph.GraphWorld.PRIVILEGED_ROLE_ADMIN;
import static dev.jitelevate.core.it.graph.GraphWorld.USER_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ActivationDeniedException;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTimeoutException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.OnConflict;
import dev.jitelevate.emulator.kernel.PendingApproval;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Entra directory roles through the public API against the emulator: self-activation and broker assignment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryRoleElevationIT {
  @RegisterExtension
  static final GraphWorld world = new GraphWorld();

  private static ElevationRequest.Builder request(String role, Strategy strategy) {
    return ElevationRequest.builder().directoryRole(role).strategy(strategy).duration(Duration.ofHours(1))
        .justification("release 42").approvalTimeout(Duration.ofSeconds(10)).provisioningTimeout(Duration.ofSeconds(10))
        .propagationTimeout(Duration.ofSeconds(5));
  }

  @Nested
  class SelfActivation {
    @Test
    void anotherRunsActivationIsAConflictNotStandingAccessSoOnConflictFailRefusesAndLeavesIt() {
      // two elevators: two surfaces, like two processes; the second knows nothing of the first's request
      try (ActiveElevation first = world.elevator(world.alice()).elevate(request("User Administrator", Strategy.SELF).build())) {
        ElevationOutcome second = world.elevator(world.alice()).run(request("User Administrator", Strategy.SELF)
            .onConflict(OnConflict.FAIL).build(), context -> { });

        assertThat(second.failure()).hasValueSatisfying(e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.DENIED);
          assertThat(e.getMessage()).contains("on-conflict is fail");
        });
        assertThat(GraphWorld.claimsNow(world.alice()).path("wids").toString()).as("the first run's access")
            .contains(USER_ADMIN);
        assertThat(first.handle().createdByThisRun()).isTrue();
      }
    }

    @Test
    void aliceActivatesVerifiesWithAFreshTokenAndRevokes() {
      AtomicReference<String> widsDuringOperation = new AtomicReference<>();
      ElevationOutcome outcome = world.elevator(world.alice()).run(request("User Administrator", Strategy.SELF).build(),
          context -> widsDuringOperation.set(GraphWorld.claimsNow(context.credentials()).path("wids").toString()));

      assertThat(outcome.failure()).isEmpty();
      assertThat(widsDuringOperation.get()).as("a token issued during the operation").contains(USER_ADMIN);
      ActivationRecord record = outcome.record();
      assertThat(record.outcome()).isEqualTo(ActivationRecord.Outcome.SUCCEEDED);
      assertThat(record.principal().id()).isEqualTo(ALICE);
      assertThat(record.revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      GraphWorld.assertValidAgainstSchema(record);
      assertThat(GraphWorld.claimsNow(world.alice()).has("wids")).as("no role after revoke").isFalse();
    }

    @Test
    void theRoleCanBeNamedByItsTemplateId() {
      try (ActiveElevation elevation = world.elevator(world.alice()).elevate(request(USER_ADMIN, Strategy.SELF).build())) {
        assertThat(elevation.handle().roleDefinitionId()).isEqualTo(USER_ADMIN);
        assertThat(GraphWorld.claimsNow(world.alice()).path("wids").toString()).contains(USER_ADMIN);
      }
    }

    @Test
    void anUnknownRoleIsAnInvalidRequestThatSaysWhatToChange() {
      assertThatThrownBy(() -> world.elevator(world.alice()).elevate(request("User Admin", Strategy.SELF).build()))
          .isInstanceOfSatisfying(ElevationException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("No Entra role is named 'User Admin'").contains("display name");
          });
    }

    @Test
    void theServicesMfaRuleIsAPolicyViolationNamingTheRule() {
      assertThatThrownBy(() -> world.elevator(world.carol()).elevate(request(GraphWorld.SECURITY_READER, Strategy.SELF).build()))
          .isInstanceOfSatisfying(PolicyViolationException.class, e -> {
            assertThat(e.rule()).isEqualTo("MfaRule");
            assertThat(e.azureErrorCode()).contains("RoleAssignmentRequestPolicyValidationFailed");
            assertThat(e.azureRequestId()).isPresent();
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.fix()).contains("multi-factor");
          });
    }

    @Test
    void aTokenFromBeforeTheActivationNeverVerifiesAndTheActivationIsRevoked() {
      assertThatThrownBy(() -> world.elevator(GraphWorld.frozen(world.alice()))
          .elevate(request("User Administrator", Strategy.SELF).propagationTimeout(Duration.ofSeconds(1)).build()))
          .isInstanceOfSatisfying(ElevationTimeoutException.class,
              e -> assertThat(e.getMessage()).contains("did not become effective").contains("wids"));
    }

    @Test
    void anActivationThatExistedBeforeIsUsedAndLeftUntouched() {
      ActiveElevation earlier = world.elevator(world.alice()).elevate(request("User Administrator", Strategy.SELF).build());
      try {
        try (ActiveElevation again = world.elevator(world.alice()).elevate(request("User Administrator", Strategy.SELF).build())) {
          assertThat(again.handle().createdByThisRun()).isFalse();
        }
        assertThat(world.emulator.activeAssignments()).anySatisfy(a -> {
          assertThat(a.principalId()).isEqualTo(ALICE);
          assertThat(a.role()).isEqualTo(USER_ADMIN);
        });
      } finally {
        earlier.close();
      }
    }
  }

  @Nested
  class Approval {
    private CompletableFuture<ActiveElevation> elevateInBackground(ElevationRequest request) {
      return CompletableFuture.supplyAsync(() -> world.elevator(world.alice()).elevate(request));
    }

    private PendingApproval awaitApproval() throws InterruptedException {
      for (int i = 0; i < 200; i++) {
        List<PendingApproval> pending = world.emulator.pendingApprovals();
        if (!pending.isEmpty()) {
          return pending.get(0);
        }
        Thread.sleep(25);
      }
      throw new AssertionError("no approval became pending");
    }

    @Test
    void anApprovedActivationProceedsAndIsRecorded() throws Exception {
      var running = elevateInBackground(request("Privileged Role Administrator", Strategy.SELF).build());
      PendingApproval approval = awaitApproval();
      assertThat(approval.principalId()).isEqualTo(ALICE);
      world.emulator.decide(approval.approvalId(), true, BOB, "go ahead");
      try (ActiveElevation elevation = running.get()) {
        assertThat(elevation.record().approval()).isPresent();
        assertThat(GraphWorld.claimsNow(world.alice()).path("wids").toString()).contains(PRIVILEGED_ROLE_ADMIN);
      }
    }

    @Test
    void aDeniedActivationFailsAsDenied() throws Exception {
      var running = elevateInBackground(request("Privileged Role Administrator", Strategy.SELF).build());
      world.emulator.decide(awaitApproval().approvalId(), false, BOB, "not today");
      assertThat(running).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause().isInstanceOfSatisfying(ActivationDeniedException.class,
              e -> assertThat(e.kind()).isEqualTo(FailureKind.DENIED));
    }

    @Test
    void anApprovalThatNeverComesTimesOutAndTheRequestIsCancelled() {
      assertThatThrownBy(() -> world.elevator(world.alice())
          .elevate(request("Privileged Role Administrator", Strategy.SELF).approvalTimeout(Duration.ofMillis(800)).build()))
          .isInstanceOfSatisfying(ElevationTimeoutException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT));
      assertThat(world.emulator.pendingApprovals()).isEmpty();
      assertThat(world.emulator.journal()).anySatisfy(j -> {
        assertThat(j.method()).isEqualTo("POST");
        assertThat(j.path()).endsWith("/cancel");
        assertThat(j.status()).isEqualTo(204);
      });
    }
  }

  @Nested
  class Broker {
    @Test
    void theBrokerAssignsTheRoleToTheCiIdentityForTheRun() {
      ElevationOutcome outcome = world.elevator(world.ci()).run(request("User Administrator", Strategy.BROKER).build(),
          context -> assertThat(GraphWorld.claimsNow(context.credentials()).path("wids").toString()).contains(USER_ADMIN));
      assertThat(outcome.failure()).isEmpty();
      assertThat(outcome.record().principal().id()).isEqualTo(CI);
      assertThat(outcome.record().principal().type()).contains("ServicePrincipal");
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      GraphWorld.assertValidAgainstSchema(outcome.record());
    }

    @Test
    void aThrottlingStormIsRetriedByTheSurfaceNeverSoonerThanRetryAfterAndAnnounced() {
      world.emulator.injectFault(dev.jitelevate.emulator.server.FaultRule.throttle("POST", "roleAssignmentScheduleRequests$", 1, 2));
      try (ActiveElevation elevation = world.elevator(world.ci()).elevate(request("User Administrator", Strategy.BROKER).build())) {
        assertThat(elevation.record().principal().id()).isEqualTo(CI);
      }
      assertThat(world.retries()).hasSize(2).allSatisfy(r -> {
        assertThat(r.reason()).contains("429");
        assertThat(r.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)); // Retry-After is a floor (Retrier)
      });
      assertThat(world.emulator.journal()).filteredOn(j -> j.method().equals("POST")
          && j.path().endsWith("roleAssignmentScheduleRequests")).extracting(j -> j.status())
          .containsExactly(429, 429, 201, 201);
    }

    @Test
    void aBurstOf5xxIsRetriedAndTheRunSucceeds() {
      world.emulator.injectFault(dev.jitelevate.emulator.server.FaultRule.status("GET", "roleAssignmentScheduleInstances", 503, 2));
      ElevationOutcome outcome = world.elevator(world.ci()).run(request("User Administrator", Strategy.BROKER).build(), c -> {});
      assertThat(outcome.failure()).isEmpty();
      assertThat(world.retries()).hasSize(2).allSatisfy(r -> assertThat(r.reason()).contains("503"));
    }
  }
}
