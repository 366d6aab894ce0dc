package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.Eligibility;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  final Harness h = new Harness();

  @Nested
  class HappyPath {
    @Test
    void runsEveryStepInOrderAndEndsRevoked() {
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), ctx -> ctx.note("secretVersion", "v2"));

      assertThat(outcome.failure()).isEmpty();
      assertThat(h.stepsStarted()).containsExactly("resolve", "precheck", "submit", "await", "confirm", "verify",
          "perform", "revoke", "record");
      assertThat(h.submittedActions()).containsExactly("AdminAssign", "AdminRemove");
      assertThat(h.surface.active).isEmpty();
      ActivationRecord r = outcome.record();
      assertThat(r.outcome()).isEqualTo(ActivationRecord.Outcome.SUCCEEDED);
      assertThat(r.revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      assertThat(r.requestIds()).hasSize(2);
      assertThat(r.timeline().submitted()).isPresent();
      assertThat(r.timeline().provisioned()).isPresent();
      assertThat(r.timeline().verified()).isPresent();
      assertThat(r.timeline().operationStarted()).isPresent();
      assertThat(r.timeline().revoked()).isPresent();
      assertThat(r.window().grantedEnd()).isPresent();
      assertThat(r.principal().id()).isEqualTo(FakeSurface.CI.value());
      assertThat(r.ci()).containsEntry("runId", "42");
      assertThat(r.operation()).containsKey("notes");
      assertThat(r.apiCalls()).isPositive();
      assertThat(Harness.schemaErrors(r)).isEmpty();
    }

    @Test
    void brokerStrategyCallsAsTheBrokerAndSelfAsTheIdentity() {
      h.elevator().run(Harness.brokerRequest().build(), ctx -> {});
      assertThat(h.callers).containsOnly(h.broker);

      Harness self = new Harness();
      self.surface.me = self.surface.principals.get(FakeSurface.ALICE);
      self.surface.eligibilities.add(new Eligibility("elig-1", Harness.SCOPE, Optional.empty()));
      ElevationOutcome outcome = self.elevator().run(Harness.brokerRequest().strategy(Strategy.SELF).build(), ctx -> {});

      assertThat(outcome.failure()).isEmpty();
      assertThat(self.callers).hasSize(1).doesNotContain(self.broker);
      int made = self.surface.credentialsCreated.size();
      self.callers.get(0).newCredential();  // the identity, its tokens counted for the record's exposure
      assertThat(self.surface.credentialsCreated).hasSize(made + 1);
      assertThat(self.submittedActions()).containsExactly("SelfActivate", "SelfDeactivate");
      assertThat(self.surface.submitted.get(0).linkedEligibilityScheduleId()).contains("elig-1");
    }

    @Test
    void picksTheSurfaceByTargetKindAndStrategy() {
      h.elevator().run(Harness.brokerRequest().strategy(Strategy.RBAC).build(), ctx -> {});
      h.elevator().run(Harness.brokerRequest().directoryRole("User Administrator").build(), ctx -> {});
      h.elevator().run(Harness.brokerRequest().group("grp-prod-admins", GroupAccess.MEMBER).build(), ctx -> {});
      assertThat(h.opened).containsExactly(SurfaceKind.ARM_RBAC, SurfaceKind.DIRECTORY, SurfaceKind.GROUP);
    }

    @Test
    void elevateReturnsAnElevationThatRevokesOnClose() {
      ActiveElevation e = h.elevator().elevate(Harness.brokerRequest().build());
      assertThat(h.surface.active).hasSize(1);
      assertThat(e.handle().createdByThisRun()).isTrue();
      assertThat(e.expiresAt()).isEqualTo(Harness.START.plus(Duration.ofMinutes(30)));

      e.close();
      e.close();

      assertThat(h.surface.active).isEmpty();
      assertThat(h.submittedActions()).containsExactly("AdminAssign", "AdminRemove");
      assertThat(e.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    }

    @Test
    void aDetachedElevationStaysActiveAndCanBeRevokedFromItsHandleLater() {
      ActiveElevation e = h.elevator().elevate(Harness.brokerRequest().build());

      e.detach();
      e.close();

      assertThat(h.surface.active).hasSize(1);
      h.elevator().revoke(e.handle(), e.record());
      assertThat(h.surface.active).isEmpty();
    }

    @Test
    void eventsCarryNoSecretInTheirText() {
      h.elevator().run(Harness.brokerRequest().build(), ctx -> ctx.registerSecret("s3cr3t-value"));
      assertThat(h.events).filteredOn(e -> e instanceof ElevationEvent.SecretRegistered).hasSize(1);
      assertThat(h.events.toString()).doesNotContain("s3cr3t-value");
    }
  }

  @Nested
  class OperationFailure {
    @Test
    void revokesAndReportsOperationFailedWithoutThrowing() {
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), ctx -> {
        throw new IllegalStateException("disk full");
      });
      assertThat(outcome.failure()).get().extracting(e -> e.kind()).isEqualTo(FailureKind.OPERATION_FAILED);
      assertThat(outcome.failure().get().getMessage()).contains("disk full");
      assertThat(h.surface.active).isEmpty();
      assertThat(outcome.record().outcome()).isEqualTo(ActivationRecord.Outcome.FAILED);
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
    }

    @Test
    void aRevokeFailureIsSuppressedInTheFirstFailureAndTheRecordKeepsBoth() {
      h.surface.removeErrors.push(FakeSurface.error(500, "InternalServerError", "boom"));
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), ctx -> {
        throw new IllegalStateException("disk full");
      });
      assertThat(outcome.failure().get().kind()).isEqualTo(FailureKind.OPERATION_FAILED);
      assertThat(outcome.failure().get().getSuppressed()).singleElement()
          .satisfies(s -> assertThat(((dev.jitelevate.core.ElevationException) s).kind()).isEqualTo(FailureKind.REVOKE_FAILED));
      ActivationRecord r = outcome.record();
      assertThat(r.error().get().kind()).isEqualTo(FailureKind.OPERATION_FAILED);
      assertThat(r.error().get().suppressed()).singleElement().asString().contains("REVOKE_FAILED");
      assertThat(r.revocation().status()).isEqualTo(RevocationStatus.FAILED);
      assertThat(r.revocation().expiresAt()).isPresent();
      assertThat(Harness.schemaErrors(r)).isEmpty();
    }
  }

  @Nested
  class Configuration {
    @Test
    void brokerStrategyWithoutABrokerIsAnActionableErrorInTheOutcome() {
      h.withBroker = false;
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), ctx -> {});
      assertThat(outcome.failure().get()).isInstanceOf(InvalidElevationRequestException.class)
          .hasMessageContaining("broker identity");
      assertThat(h.surface.calls).isEmpty();
      assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
    }

    @Test
    void elevateThrowsTheFailureWithTheRecordAttached() {
      h.surface.policy = new dev.jitelevate.core.internal.gateway.EffectivePolicy(Duration.ofHours(1), Duration.ofMinutes(10),
          false, false, false, false, List.of(), "p");
      assertThatThrownBy(() -> h.elevator().elevate(Harness.brokerRequest().build()))
          .isInstanceOfSatisfying(dev.jitelevate.core.ElevationException.class,
              e -> assertThat(e.record()).get().extracting(ActivationRecord::outcome).isEqualTo(ActivationRecord.Outcome.FAILED));
    }
  }
}
