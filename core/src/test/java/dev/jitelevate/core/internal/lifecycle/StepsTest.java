package dev.jitelevate.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.AccessProbe;
import dev.jitelevate.core.ActivationDeniedException;
import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTimeoutException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.RevokePolicy;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.TicketInfo;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.AssignmentType;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.Eligibility;
import dev.jitelevate.core.internal.gateway.RequestStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StepsTest {
  final Harness h = new Harness();
  static final PrivilegedOperation NOTHING = ctx -> {};

  ElevationOutcome run(ElevationRequest request) {
    return h.elevator().run(request, NOTHING);
  }

  void assertNothingSubmittedAndSchemaValid(ElevationOutcome outcome) {
    assertThat(h.surface.submitted).isEmpty();
    assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
  }

  ElevationRequest.Builder self() {
    h.surface.me = h.surface.principals.get(FakeSurface.ALICE);
    h.surface.eligibilities.add(new Eligibility("elig-1", Harness.SCOPE, Optional.empty()));
    return Harness.brokerRequest().strategy(Strategy.SELF);
  }

  @Nested
  class Precheck {
    @Test
    void aDurationOverThePolicyMaximumNamesTheExpirationRuleBeforeSubmitting() {
      h.surface.policy = policy(Duration.ofHours(1), Duration.ofMinutes(15), false, false);
      ElevationOutcome outcome = run(Harness.brokerRequest().build());
      assertThat(outcome.failure().get()).isInstanceOfSatisfying(PolicyViolationException.class,
          e -> assertThat(e.rule()).isEqualTo("ExpirationRule")).hasMessageContaining("at most 15m");
      assertNothingSubmittedAndSchemaValid(outcome);
    }

    @Test
    void selfActivationIsCheckedAgainstTheEndUserMaximum() {
      h.surface.policy = policy(Duration.ofMinutes(20), Duration.ofDays(1), false, false);
      ElevationOutcome outcome = run(self().build());
      assertThat(outcome.failure().get()).isInstanceOf(PolicyViolationException.class).hasMessageContaining("20m");
    }

    @Test
    void aMissingJustificationNamesTheJustificationRule() {
      h.surface.policy = policy(Duration.ofHours(8), Duration.ofDays(1), true, false);
      ElevationOutcome outcome = run(Harness.brokerRequest().justification("").build());
      assertThat(outcome.failure().get()).isInstanceOfSatisfying(PolicyViolationException.class,
          e -> assertThat(e.rule()).isEqualTo("JustificationRule"));
      assertNothingSubmittedAndSchemaValid(outcome);
      assertThat(outcome.record().error().get().kind()).isEqualTo(FailureKind.POLICY_VIOLATION);
    }

    @Test
    void aMissingTicketNamesTheTicketingRuleAndATicketSatisfiesIt() {
      h.surface.policy = policy(Duration.ofHours(8), Duration.ofDays(1), false, true);
      assertThat(run(Harness.brokerRequest().build()).failure().get()).isInstanceOfSatisfying(
          PolicyViolationException.class, e -> assertThat(e.rule()).isEqualTo("TicketingRule"));
      ElevationOutcome ok = run(Harness.brokerRequest().ticket(new TicketInfo("OPS-1", "Jira")).build());
      assertThat(ok.failure()).isEmpty();
      assertThat(ok.record().ticket()).contains(new TicketInfo("OPS-1", "Jira"));
    }

    @Test
    void aServicePrincipalCannotSelfActivateAndIsToldToUseTheBroker() {
      ElevationOutcome outcome = run(Harness.brokerRequest().strategy(Strategy.SELF).build());
      assertThat(outcome.failure().get()).isInstanceOf(InvalidElevationRequestException.class)
          .hasMessageContaining("service principals cannot be PIM-eligible").hasMessageContaining("broker strategy");
      assertNothingSubmittedAndSchemaValid(outcome);
    }

    @Test
    void aPersonWithoutEligibilityIsNotAuthorizedBeforeSubmitting() {
      h.surface.me = h.surface.principals.get(FakeSurface.ALICE);
      ElevationOutcome outcome = run(Harness.brokerRequest().strategy(Strategy.SELF).build());
      assertThat(outcome.failure().get().kind()).isEqualTo(FailureKind.NOT_AUTHORIZED);
      assertThat(outcome.failure().get()).hasMessageContaining("not eligible");
      assertNothingSubmittedAndSchemaValid(outcome);
    }

    @Test
    void selfCannotElevateSomeoneElse() {
      ElevationOutcome outcome = run(self().principal(FakeSurface.CI).build());
      assertThat(outcome.failure().get()).isInstanceOf(InvalidElevationRequestException.class)
          .hasMessageContaining("broker strategy");
    }

    @Test
    void aFreshPrincipalIsLookedUpAgainUntilItReplicates() {
      h.surface.principalLookupsMissing = 2;
      ElevationOutcome outcome = run(Harness.brokerRequest().principal(FakeSurface.CI).build());
      assertThat(outcome.failure()).isEmpty();
      assertThat(h.events(ElevationEvent.Retrying.class)).extracting(ElevationEvent.Retrying::call)
          .contains("principal.lookup", "principal.lookup");
      assertThat(outcome.record().retries()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnknownPrincipalIsAnActionableError() {
      h.surface.principalLookupsMissing = 100;
      ElevationOutcome outcome = run(Harness.brokerRequest().principal(FakeSurface.ALICE).build());
      assertThat(outcome.failure().get()).isInstanceOf(InvalidElevationRequestException.class)
          .hasMessageContaining("object id");
    }
  }

  @Nested
  class Submit {
    @Test
    void retriesReuseTheSameRequestId() {
      h.surface.submitErrors.push(FakeSurface.error(400, "SubjectNotFound", "The subject was not found."));
      ElevationOutcome outcome = run(Harness.brokerRequest().build());
      assertThat(outcome.failure()).isEmpty();
      List<String> ids = h.surface.submitted.stream().filter(s -> !s.action().isRemoval()).map(s -> s.requestId()).toList();
      assertThat(ids).hasSize(2).containsOnly(ids.get(0));
    }

    @Test
    void anActivationThatAlreadyExistedIsUsedAndNeverRevoked() {
      Instant start = Harness.START.minus(Duration.ofMinutes(10));
      h.surface.active.add(new ActiveInstance("existing-1", AssignmentType.ACTIVATED, start, Optional.of(start.plus(Duration.ofHours(1))),
          Optional.of("someone-elses-request"), Optional.empty()));
      AtomicInteger performed = new AtomicInteger();
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), ctx -> performed.incrementAndGet());

      assertThat(outcome.failure()).isEmpty();
      assertThat(performed).hasValue(1);
      assertThat(h.submittedActions()).containsExactly("AdminAssign");
      assertThat(h.surface.active).extracting(ActiveInstance::id).containsExactly("existing-1");
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.PRE_EXISTING);
      assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
    }

    @Test
    void aPendingRequestForTheSameRoleIsAClearError() {
      h.surface.submitErrors.push(FakeSurface.error(400, "PendingRoleAssignmentRequest", "pending"));
      ElevationOutcome outcome = run(Harness.brokerRequest().build());
      assertThat(outcome.failure().get()).hasMessageContaining("already pending");
      assertThat(outcome.failure().get().azureErrorCode()).contains("PendingRoleAssignmentRequest");
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.NOT_CREATED);
    }

    @Test
    void anEarlierAttemptThatLandedIsReadInsteadOfResubmitted() {
      h.surface.storeThenFailOnce = true;
      ElevationOutcome outcome = run(Harness.brokerRequest().build());
      assertThat(outcome.failure()).isEmpty();
      assertThat(h.surface.requests).hasSize(1);
      assertThat(h.surface.calls).anyMatch(c -> c.startsWith("get:"));
      assertThat(h.surface.active).isEmpty();
    }
  }

  @Nested
  class Await {
    @Test
    void anApprovedRequestRecordsTheApprovalAndProceeds() {
      h.surface.script = List.of(RequestStatus.PENDING_APPROVAL, RequestStatus.PENDING_APPROVAL, RequestStatus.PROVISIONED);
      ElevationOutcome outcome = run(self().build());
      assertThat(outcome.failure()).isEmpty();
      ActivationRecord r = outcome.record();
      assertThat(r.approval()).get().satisfies(a -> assertThat(a.decision()).contains("Approve"));
      assertThat(r.timeline().approved()).isPresent();
      assertThat(h.events(ElevationEvent.Waiting.class)).anySatisfy(w -> {
        assertThat(w.status()).isEqualTo("Pendingapproval");
        assertThat(w.deadline()).isAfter(w.at());
      });
      assertThat(Harness.schemaErrors(r)).isEmpty();
    }

    @Test
    void aDeniedRequestIsATypedFailureAndNothingIsRevoked() {
      h.surface.script = List.of(RequestStatus.PENDING_APPROVAL, RequestStatus.DENIED);
      ElevationOutcome outcome = run(self().build());
      assertThat(outcome.failure().get()).isInstanceOf(ActivationDeniedException.class);
      assertThat(outcome.record().outcome()).isEqualTo(ActivationRecord.Outcome.DENIED);
      assertThat(outcome.record().approval().get().decision()).contains("Deny");
      assertThat(h.submittedActions()).containsExactly("SelfActivate");
      assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
    }

    @Test
    void anApprovalTimeoutCancelsTheRequest() {
      h.surface.script = List.of(RequestStatus.PENDING_APPROVAL);
      ElevationOutcome outcome = run(self().approvalTimeout(Duration.ofMinutes(2)).build());
      assertThat(outcome.failure().get()).isInstanceOfSatisfying(ElevationTimeoutException.class,
          e -> assertThat(e.phase()).isEqualTo("approval"));
      assertThat(h.surface.cancelled).hasSize(1);
      assertThat(outcome.record().outcome()).isEqualTo(ActivationRecord.Outcome.TIMED_OUT);
      assertThat(outcome.record().approval().get().decision()).contains("TimedOut");
      assertThat(h.surface.active).isEmpty();
      assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
    }

    @Test
    void pollsAtMostOncePerSecond() {
      h.surface.script = List.of(RequestStatus.PENDING_APPROVAL);
      run(self().approvalTimeout(Duration.ofMinutes(1)).build());
      assertThat(h.clock.sleeps).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
      assertThat(h.surface.calls.stream().filter(c -> c.startsWith("get:")).count()).isLessThanOrEqualTo(61);
    }

    @Test
    void aProvisioningTimeoutCancelsAndRevokesWhatBecameActiveMeanwhile() {
      h.surface.script = List.of(RequestStatus.PENDING_PROVISIONING);
      ElevationOutcome outcome = run(Harness.brokerRequest().provisioningTimeout(Duration.ofSeconds(30)).build());
      assertThat(outcome.failure().get()).isInstanceOfSatisfying(ElevationTimeoutException.class,
          e -> assertThat(e.phase()).isEqualTo("provisioning"));
      assertThat(h.surface.cancelled).hasSize(1);
    }

    @Test
    void anInterruptionCancelsTheRequestAndKeepsTheInterruptFlag() {
      h.surface.script = List.of(RequestStatus.PENDING_APPROVAL);
      h.clock.interruptNextSleep = true;
      ElevationOutcome outcome = run(self().build());
      boolean interrupted = Thread.interrupted();
      assertThat(interrupted).isTrue();
      assertThat(outcome.failure().get().kind()).isEqualTo(FailureKind.INTERRUPTED);
      assertThat(h.surface.cancelled).hasSize(1);
      assertThat(outcome.record().outcome()).isEqualTo(ActivationRecord.Outcome.CANCELLED);
    }
  }

  @Nested
  class Verify {
    @Test
    void waitsUntilTheAccessIsEffectiveWithCredentialsCreatedAfterActivation() {
      h.surface.notYetChecks = 3;
      h.surface.forbiddenChecks = 2;
      ElevationOutcome outcome = run(Harness.brokerRequest().build());
      assertThat(outcome.failure()).isEmpty();
      Instant provisioned = outcome.record().timeline().provisioned().get();
      assertThat(h.surface.credentialsCreated).hasSize(6).allSatisfy(t -> assertThat(t).isAfterOrEqualTo(provisioned));
      assertThat(h.events(ElevationEvent.Retrying.class)).filteredOn(r -> r.call().equals("verify")).hasSize(5)
          .anySatisfy(r -> assertThat(r.reason()).contains("AuthorizationFailed"));
    }

    @Test
    void theFirstCheckComesASecondAfterTheReadThatSawProvisionedAndLaterOnesASecondApart() {
      h.surface.script = List.of(RequestStatus.PENDING_PROVISIONING, RequestStatus.PROVISIONED);
      h.surface.notYetChecks = 2;
      ElevationOutcome outcome = run(Harness.brokerRequest().build());
      assertThat(outcome.failure()).isEmpty();
      List<Instant> reads = new ArrayList<>();
      for (int i = 0; i < h.surface.calls.size(); i++) {
        String call = h.surface.calls.get(i);
        if (call.startsWith("get:") || call.equals("checkEffective")) {
          reads.add(h.surface.callTimes.get(i));
        }
      }
      assertThat(reads).hasSizeGreaterThanOrEqualTo(4);
      for (int i = 1; i < reads.size(); i++) {
        assertThat(Duration.between(reads.get(i - 1), reads.get(i))).as("gap before read " + i)
            .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      }
    }

    @Test
    void withoutAPollTheFirstCheckDoesNotWait() {
      ElevationOutcome outcome = run(Harness.brokerRequest().build());
      assertThat(outcome.failure()).isEmpty();
      assertThat(h.surface.calls).noneMatch(c -> c.startsWith("get:"));
      int check = h.surface.calls.indexOf("checkEffective");
      int submit = h.surface.calls.stream().filter(c -> c.startsWith("submit")).findFirst().map(h.surface.calls::indexOf).orElseThrow();
      assertThat(h.surface.callTimes.get(check)).isEqualTo(h.surface.callTimes.get(submit));
    }

    @Test
    void aPropagationTimeoutFailsAndStillRevokes() {
      h.surface.notYetChecks = 1000;
      ElevationOutcome outcome = run(Harness.brokerRequest().propagationTimeout(Duration.ofSeconds(20)).build());
      assertThat(outcome.failure().get()).isInstanceOfSatisfying(ElevationTimeoutException.class,
          e -> assertThat(e.phase()).isEqualTo("propagation"));
      assertThat(h.surface.active).isEmpty();
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
    }

    @Test
    void theOperationsProbeMustPassBeforeItRuns() {
      AtomicInteger probes = new AtomicInteger();
      AtomicInteger performedAfterProbes = new AtomicInteger(-1);
      PrivilegedOperation op = new PrivilegedOperation() {
        @Override
        public void perform(dev.jitelevate.core.OperationContext context) {
          performedAfterProbes.set(probes.get());
        }

        @Override
        public Optional<AccessProbe> probe(dev.jitelevate.core.OperationContext context) {
          return Optional.of(c -> probes.incrementAndGet() < 3 ? AccessProbe.Result.NOT_YET : AccessProbe.Result.EFFECTIVE);
        }
      };
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), op);
      assertThat(outcome.failure()).isEmpty();
      assertThat(performedAfterProbes).hasValue(3);
    }
  }

  @Nested
  class Revoke {
    @Test
    void waitForMinimumWaitsOutTheFloorThenRevokes() {
      ElevationOutcome outcome = run(Harness.brokerRequest().build());
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      Instant revoked = outcome.record().timeline().revoked().get();
      assertThat(revoked).isAfterOrEqualTo(Harness.START.plus(Duration.ofMinutes(5)));
      assertThat(h.events(ElevationEvent.Waiting.class)).anySatisfy(w -> assertThat(w.status()).isEqualTo("minimum active duration"));
    }

    @Test
    void activeDurationTooShortIsRetriedUntilTheServiceAccepts() {
      h.surface.floor = Duration.ofMinutes(5).plusSeconds(10); // the service's clock runs a little behind ours
      ElevationOutcome outcome = run(Harness.brokerRequest().build());
      assertThat(outcome.failure()).isEmpty();
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      assertThat(h.events(ElevationEvent.Retrying.class)).anySatisfy(r -> {
        assertThat(r.call()).isEqualTo("revoke");
        assertThat(r.reason()).contains("ActiveDurationTooShort");
      });
      assertThat(h.surface.active).isEmpty();
    }

    @Test
    void leaveToExpiryLeavesItAndRecordsWhenItExpires() {
      ElevationOutcome outcome = run(Harness.brokerRequest().revokePolicy(RevokePolicy.LEAVE_TO_EXPIRY).build());
      assertThat(outcome.failure()).isEmpty();
      ActivationRecord r = outcome.record();
      assertThat(r.revocation().status()).isEqualTo(RevocationStatus.LEFT_TO_EXPIRE);
      assertThat(r.revocation().expiresAt()).contains(Harness.START.plus(Duration.ofMinutes(30)));
      assertThat(h.submittedActions()).containsExactly("AdminAssign");
      assertThat(h.events(ElevationEvent.Notice.class)).anySatisfy(n -> assertThat(n.message()).contains("Left to expire at"));
      assertThat(Harness.schemaErrors(r)).isEmpty();
    }

    @Test
    void leaveToExpiryRevokesNormallyOnceTheFloorHasPassed() {
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().revokePolicy(RevokePolicy.LEAVE_TO_EXPIRY).build(),
          ctx -> h.clock.advance(Duration.ofMinutes(6)));
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    }

    @Test
    void anAssignmentThatIsAlreadyGoneCountsAsRevoked() {
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), ctx -> h.surface.active.clear());
      assertThat(outcome.failure()).isEmpty();
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    }

    @Test
    void aRevokeFailureAloneFailsTheRunWithTheExpiryAsBackstop() {
      h.surface.removeErrors.push(FakeSurface.error(403, "AuthorizationFailed", "no rights"));
      ElevationOutcome outcome = run(Harness.brokerRequest().build());
      ElevationException e = outcome.failure().get();
      assertThat(e.kind()).isEqualTo(FailureKind.REVOKE_FAILED);
      assertThat(e).hasMessageContaining("Left to expire at");
      assertThat(outcome.record().revocation().detail()).hasValueSatisfying(d -> assertThat(d).contains("Left to expire at"));
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.FAILED);
      assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
    }
  }

  static EffectivePolicy policy(Duration maxActivation, Duration maxAdmin, boolean justification, boolean ticket) {
    return new EffectivePolicy(maxActivation, maxAdmin, justification, ticket, false, false, List.of(), "policy-1");
  }
}
