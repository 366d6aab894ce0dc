package dev.jitelevate.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.DeactivationRequest;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.RoleRef;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.AssignmentType;
import dev.jitelevate.core.internal.gateway.ScheduleAction;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Deactivation by target ({@code jit-elevate deactivate --target}): built from the target alone, it states only
 * what it knows (the activation's own window) and waits only as long as it was told.
 */
class DeactivationTest {
  static final ElevationTarget KEY_VAULT = new ElevationTarget.AzureRole(RoleRef.parse("Key Vault Secrets Officer"),
      ArmScope.parse(Harness.SCOPE));

  final Harness h = new Harness();

  private ActiveInstance activeSince(Duration ago, Duration window) {
    Instant start = h.clock.instant().minus(ago);
    ActiveInstance i = new ActiveInstance("instance-1", AssignmentType.ACTIVATED, start, Optional.of(start.plus(window)),
        Optional.of("portal-request-1"), Optional.empty());
    h.surface.active.add(i);
    return i;
  }

  @Test
  void deactivationByTargetSendsNoJustificationTicketOrDurationItWasNotGiven() {
    activeSince(Duration.ofMinutes(10), Duration.ofHours(2));

    ActivationRecord record = h.elevator().deactivate(DeactivationRequest.of(KEY_VAULT));

    assertThat(record.revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    assertThat(h.surface.submitted).singleElement().satisfies(removal -> {
      assertThat(removal.action()).isEqualTo(ScheduleAction.SELF_DEACTIVATE);
      assertThat(removal.duration()).as("the activation's own window").isEqualTo(Duration.ofHours(2));
      assertThat(removal.ticket()).isEmpty();
      assertThat(removal.justification()).isEqualTo("jit-elevate: revoking after the run (request portal-request-1)");
    });
    assertThat(record.justification()).as("no justification was given").isEmpty();
    assertThat(record.ticket()).isEmpty();
    assertThat(record.ci()).isEmpty();
    assertThat(record.window().requested()).isEqualTo(Duration.ofHours(2));
    assertThat(h.surface.calls).as("no policy or eligibility read: nothing is requested").doesNotContain("policy", "eligibilities");
    assertThat(Harness.schemaErrors(record)).isEmpty();
  }

  @Test
  void waitsForTheRemovalToShowOnlyAsLongAsItWasTold() {
    ActiveInstance stuck = activeSince(Duration.ofMinutes(10), Duration.ofHours(2));
    h.surface.onCall = what -> {
      if (what.equals("activeInstances") && !h.surface.submitted.isEmpty() && h.surface.active.isEmpty()) {
        h.surface.active.add(stuck); // the removal was accepted, but the access keeps showing
      }
    };

    ActivationRecord record = h.elevator().deactivate(new DeactivationRequest(KEY_VAULT, true, Duration.ofMinutes(2)));

    assertThat(record.revocation().status()).isEqualTo(RevocationStatus.FAILED);
    Instant submittedAt = h.surface.callTimes.get(h.surface.calls.indexOf(h.surface.calls.stream()
        .filter(c -> c.startsWith("submit:")).findFirst().orElseThrow()));
    assertThat(Duration.between(submittedAt, h.clock.instant())).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(3));
  }

  @Test
  void insideTheFloorWithoutWaitingItRefusesBeforeSubmittingAndSaysFromWhen() {
    activeSince(Duration.ofMinutes(1), Duration.ofHours(2));

    assertThatThrownBy(() -> h.elevator().deactivate(DeactivationRequest.of(KEY_VAULT).waitingForFloor(false)))
        .isInstanceOfSatisfying(ElevationException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
          assertThat(e.getMessage()).contains("can be deactivated from", "--no-wait");
          assertThat(e.record()).hasValueSatisfying(r -> assertThat(r.error()).isPresent());
        });
    assertThat(h.surface.submitted).isEmpty();
  }

  @Test
  void nothingActiveIsRefusedBeforeAnythingIsSubmitted() {
    assertThatThrownBy(() -> h.elevator().deactivate(DeactivationRequest.of(KEY_VAULT)))
        .isInstanceOf(ElevationException.class).hasMessageContaining("nothing to deactivate");
    assertThat(h.surface.submitted).isEmpty();
  }
}
