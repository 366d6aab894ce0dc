package dev.jitelevate.core.it.graph;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static dev.jitelevate.core.it.graph.GraphWorld.ALICE;
import static dev.jitelevate.core.it.graph.GraphWorld.BOB;
import static dev.jitelevate.core.it.graph.GraphWorld.CI;
import static dev.jitelevate.core.it.graph.GraphWorld.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.ActivationDeniedException;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTimeoutException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.OnConflict;
import dev.jitelevate.emulator.kernel.PendingApproval;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.server.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PIM for Groups through the public API against the emulator: Alice activates membership, the broker assigns CI. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupElevationIT {
  @RegisterExtension
  static final GraphWorld world = new GraphWorld();

  private static ElevationRequest.Builder request(Strategy strategy) {
    return ElevationRequest.builder().group("grp-prod-admins", GroupAccess.MEMBER).strategy(strategy)
        .duration(Duration.ofHours(1)).justification("deploy 7").approvalTimeout(Duration.ofSeconds(10))
        .provisioningTimeout(Duration.ofSeconds(10)).propagationTimeout(Duration.ofSeconds(5));
  }

  /** The group's member policy changed in the scenario (then reloaded, so the test starts from it). */
  private void memberPolicy(boolean approval, boolean ticket) {
    ObjectNode root = world.scenarioCopy();
    ObjectNode policy = (ObjectNode) root.path("pimGroups").path("policies").get(0);
    policy.put("requireApproval", approval).put("requireTicket", ticket);
    policy.putArray("approvers").add(BOB);
    world.emulator.loadScenario(new Scenario(root));
  }

  @Nested
  class SelfActivation {
    @Test
    void anotherRunsMembershipIsAConflictNotStandingAccessSoOnConflictShareNeverRevokesIt() {
      // two elevators: two surfaces, like two processes; the second knows nothing of the first's request
      try (ActiveElevation first = world.elevator(world.alice()).elevate(request(Strategy.SELF).build())) {
        ElevationOutcome second = world.elevator(world.alice()).run(request(Strategy.SELF)
            .onConflict(OnConflict.SHARE).build(), context -> { });

        assertThat(second.failure()).isEmpty();
        assertThat(second.record().revocation().status()).isEqualTo(RevocationStatus.PRE_EXISTING);
        assertThat(second.record().revocation().detail()).hasValueSatisfying(d -> assertThat(d).contains("on-conflict: share"));
        assertThat(GraphWorld.claimsNow(world.alice()).path("groups").toString()).as("the first run's membership")
            .contains(GROUP);
        assertThat(first.handle().createdByThisRun()).isTrue();
      }
    }

    @Test
    void aliceBecomesAMemberVerifiedByTheGroupsClaimOfAFreshTokenAndIsRemoved() {
      AtomicReference<String> groupsDuringOperation = new AtomicReference<>();
      ElevationOutcome outcome = world.elevator(world.alice()).run(request(Strategy.SELF).build(),
          context -> groupsDuringOperation.set(GraphWorld.claimsNow(context.credentials()).path("groups").toString()));
      assertThat(outcome.failure()).isEmpty();
      assertThat(groupsDuringOperation.get()).contains(GROUP);
      assertThat(outcome.record().principal().id()).isEqualTo(ALICE);
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      GraphWorld.assertValidAgainstSchema(outcome.record());
      assertThat(GraphWorld.claimsNow(world.alice()).has("groups")).isFalse();
    }

    @Test
    void aTokenFromBeforeTheActivationNeverShowsTheGroup() {
      assertThatThrownBy(() -> world.elevator(GraphWorld.frozen(world.alice()))
          .elevate(request(Strategy.SELF).propagationTimeout(Duration.ofSeconds(1)).build()))
          .isInstanceOfSatisfying(ElevationTimeoutException.class, e -> assertThat(e.getMessage()).contains("groups claim"));
    }

    @Test
    void aTicketRuleInTheGroupsPolicyIsEnforcedBeforeAnythingIsSubmitted() {
      memberPolicy(false, true);
      assertThatThrownBy(() -> world.elevator(world.alice()).elevate(request(Strategy.SELF).build()))
          .isInstanceOfSatisfying(PolicyViolationException.class, e -> assertThat(e.rule()).isEqualTo("TicketingRule"));
      assertThat(world.emulator.journal()).noneSatisfy(j -> assertThat(j.path()).endsWith("assignmentScheduleRequests"));
    }
  }

  @Nested
  class Approval {
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
    void anApprovedMembershipProceeds() throws Exception {
      memberPolicy(true, false);
      var running = CompletableFuture.supplyAsync(() -> world.elevator(world.alice()).elevate(request(Strategy.SELF).build()));
      world.emulator.decide(awaitApproval().approvalId(), true, BOB, "fine");
      try (ActiveElevation elevation = running.get()) {
        assertThat(GraphWorld.claimsNow(world.alice()).path("groups").toString()).contains(GROUP);
      }
    }

    @Test
    void aDeniedMembershipFailsAsDenied() throws Exception {
      memberPolicy(true, false);
      var running = CompletableFuture.supplyAsync(() -> world.elevator(world.alice()).elevate(request(Strategy.SELF).build()));
      world.emulator.decide(awaitApproval().approvalId(), false, BOB, "no");
      assertThat(running).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause().isInstanceOfSatisfying(ActivationDeniedException.class,
              e -> assertThat(e.kind()).isEqualTo(FailureKind.DENIED));
    }

    @Test
    void anUndecidedMembershipTimesOutAndIsCancelled() {
      memberPolicy(true, false);
      assertThatThrownBy(() -> world.elevator(world.alice())
          .elevate(request(Strategy.SELF).approvalTimeout(Duration.ofMillis(800)).build()))
          .isInstanceOf(ElevationTimeoutException.class);
      assertThat(world.emulator.pendingApprovals()).isEmpty();
      assertThat(world.emulator.journal()).anySatisfy(j -> assertThat(j.path()).endsWith("/cancel"));
    }
  }

  @Nested
  class Broker {
    @Test
    void theBrokerMakesTheCiIdentityAMemberForTheRun() {
      ElevationOutcome outcome = world.elevator(world.ci()).run(request(Strategy.BROKER).build(),
          context -> assertThat(GraphWorld.claimsNow(context.credentials()).path("groups").toString()).contains(GROUP));
      assertThat(outcome.failure()).isEmpty();
      assertThat(outcome.record().principal().id()).isEqualTo(CI);
      GraphWorld.assertValidAgainstSchema(outcome.record());
    }

    @Test
    void throttlingAndA5xxBurstAreRetriedAndTheRunSucceeds() {
      world.emulator.injectFault(FaultRule.throttle("POST", "assignmentScheduleRequests$", 1, 1));
      world.emulator.injectFault(FaultRule.status("GET", "assignmentScheduleInstances", 502, 2));
      ElevationOutcome outcome = world.elevator(world.ci()).run(request(Strategy.BROKER).build(), c -> {});
      assertThat(outcome.failure()).isEmpty();
      assertThat(world.retries()).extracting(r -> r.reason()).contains("throttled (429)", "HTTP 502");
    }

    @Test
    void aMembershipThatExistedBeforeIsLeftUntouched() {
      try (ActiveElevation earlier = world.elevator(world.ci()).elevate(request(Strategy.BROKER).build())) {
        try (ActiveElevation again = world.elevator(world.ci()).elevate(request(Strategy.BROKER).build())) {
          assertThat(again.handle().createdByThisRun()).isFalse();
        }
        assertThat(world.emulator.activeAssignments()).anySatisfy(a -> assertThat(a.principalId()).isEqualTo(CI));
      }
    }
  }
}
