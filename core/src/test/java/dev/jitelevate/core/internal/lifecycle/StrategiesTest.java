package dev.jitelevate.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.RevokePolicy;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.SweepReport;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.AssignmentType;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StrategiesTest {
  final Harness h = new Harness();

  @Nested
  class Rbac {
    @Test
    void marksTheAssignmentWithItsExpiryAndRunAndDeletesThatSameAssignment() {
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().strategy(Strategy.RBAC).build(), ctx -> {});
      assertThat(outcome.failure()).isEmpty();
      String name = h.surface.submitted.get(0).requestId();
      assertThat(h.surface.submitted.get(0).description()).contains("jit-elevate:expires=2026-11-25T05:30:00Z;run=" + name);
      assertThat(h.surface.removedAssignments).containsExactly(name);
      assertThat(h.surface.active).isEmpty();
      assertThat(outcome.record().requestIds()).containsExactly(name);
      assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
    }

    @Test
    void deletesTheAssignmentAtOnceWithoutWaitingForPimsFloor() {
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().strategy(Strategy.RBAC).build(), ctx -> {});
      assertThat(outcome.failure()).isEmpty();
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      assertThat(h.events(ElevationEvent.Waiting.class)).noneMatch(w -> w.status().contains("minimum active duration"));
      assertThat(h.clock.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isLessThan(Duration.ofMinutes(1));
      assertThat(h.surface.active).isEmpty();
    }

    @Test
    void refusesToLeaveAnAssignmentToAnExpiryItDoesNotHave() {
      assertThatThrownBy(() -> Harness.brokerRequest().strategy(Strategy.RBAC).revokePolicy(RevokePolicy.LEAVE_TO_EXPIRY).build())
          .isInstanceOf(InvalidElevationRequestException.class)
          .hasMessageContaining("no server-side expiry")
          .satisfies(e -> assertThat(((InvalidElevationRequestException) e).input()).isEqualTo("revoke-policy"));
    }

    @Test
    void saysTheSweepIsTheOnlyBackstopWhenDeletingFails() {
      h.surface.removeErrors.add(FakeSurface.error(403, "AuthorizationFailed", "The client may not delete role assignments."));
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().strategy(Strategy.RBAC).build(), ctx -> {});
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.FAILED);
      assertThat(outcome.record().revocation().detail()).get().asString().contains("no server-side expiry").contains("sweep")
          .doesNotContain("Left to expire");
    }

    @Test
    void ignoresPimPolicyRules() {
      h.surface.policy = new EffectivePolicy(Duration.ofMinutes(5), Duration.ofMinutes(5), true, true, false, false, List.of(), "p");
      ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().strategy(Strategy.RBAC).justification("").build(), ctx -> {});
      assertThat(outcome.failure()).isEmpty();
    }

    @Test
    void sweepRemovesOnlyMarkedAssignmentsPastTheirExpiry() {
      Instant now = Harness.START;
      h.surface.active.add(marked("old", now.minus(Duration.ofMinutes(1))));
      h.surface.active.add(marked("current", now.plus(Duration.ofMinutes(10))));
      h.surface.active.add(new ActiveInstance("unmarked", AssignmentType.ROLE_ASSIGNMENT, now.minus(Duration.ofDays(1)), Optional.empty(),
          Optional.empty(), Optional.of("created by terraform")));
      SweepReport report = h.elevator().sweep(ArmScope.parse(Harness.SCOPE));
      assertThat(report.removedAssignmentIds()).containsExactly("old");
      assertThat(report.keptAssignmentIds()).containsExactly("current", "unmarked");
      assertThat(h.surface.active).extracting(ActiveInstance::id).containsExactly("current", "unmarked");
    }

    ActiveInstance marked(String id, Instant expires) {
      return new ActiveInstance(id, AssignmentType.ROLE_ASSIGNMENT, expires.minus(Duration.ofMinutes(30)), Optional.empty(), Optional.empty(),
          Optional.of(RbacMarker.format(expires, "run-" + id)));
    }
  }

  @Nested
  class DryRun {
    @Test
    void validateAsksTheServiceAndSubmitsNothing() {
      ElevationOutcome outcome = h.elevator().validate(Harness.brokerRequest().build());
      assertThat(outcome.failure()).isEmpty();
      assertThat(h.surface.calls).contains("validate");
      assertThat(h.surface.submitted).isEmpty();
      assertThat(outcome.record().outcome()).isEqualTo(ActivationRecord.Outcome.DRY_RUN);
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.NOT_CREATED);
      assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
    }

    @Test
    void validateFailsFastOnPolicyViolationsWithoutCallingValidate() {
      h.surface.policy = new EffectivePolicy(Duration.ofHours(1), Duration.ofMinutes(10), false, false, false, false, List.of(), "p");
      ElevationOutcome outcome = h.elevator().validate(Harness.brokerRequest().build());
      assertThat(outcome.failure().get()).isInstanceOf(PolicyViolationException.class);
      assertThat(h.surface.calls).doesNotContain("validate");
    }
  }

  @Nested
  class HandleRevocation {
    @Test
    void theRecordAndHandleWrittenByOneProcessLetAnotherRevoke() {
      ActiveElevation e = h.elevator().elevate(Harness.brokerRequest().build());
      String handleJson = ActivationRecords.handleToJson(e.handle());
      String recordJson = ActivationRecords.toJson(e.record());

      Harness post = new Harness();
      post.surface.active.addAll(h.surface.active);
      post.clock.advance(Duration.ofMinutes(1));
      ActivationRecord done = post.elevator().revoke(ActivationRecords.handleFromJson(handleJson),
          ActivationRecords.fromJson(recordJson));

      assertThat(post.surface.active).isEmpty();
      assertThat(post.submittedActions()).containsExactly("AdminRemove");
      assertThat(done.revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      assertThat(done.requestIds()).hasSize(2);
      assertThat(done.outcome()).isEqualTo(ActivationRecord.Outcome.SUCCEEDED);
      assertThat(Harness.schemaErrors(done)).isEmpty();
    }

    @Test
    void aHandleOfPreExistingAccessNeverRevokes() {
      RevocationHandle handle = new RevocationHandle(Strategy.BROKER, RevocationHandle.Surface.ARM, FakeSurface.CI, "/providers/x/roleDefinitions/y",
          Harness.SCOPE, null, "11111111-1111-4111-8111-111111111111", Optional.of("existing"), Harness.START,
          Harness.START.plus(Duration.ofHours(1)), false);
      h.surface.active.add(new ActiveInstance("existing", AssignmentType.ACTIVATED, Harness.START, Optional.empty(), Optional.empty(), Optional.empty()));
      ActiveElevation e = new Harness().elevator().elevate(Harness.brokerRequest().build());
      ActivationRecord done = h.elevator().revoke(handle, e.record());
      assertThat(h.surface.submitted).isEmpty();
      assertThat(h.surface.active).hasSize(1);
      assertThat(done.revocation().status()).isEqualTo(RevocationStatus.PRE_EXISTING);
    }
  }
}
