package dev.jitelevate.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.OnConflict;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.AssignmentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a run does when another time-bound activation of the same access exists, on every kind of target. */
class OnConflictTest {
  private final Harness h = new Harness();
  private final AtomicInteger performed = new AtomicInteger();

  private static ElevationRequest.Builder request(String kind) {
    ElevationRequest.Builder b = Harness.brokerRequest().provisioningTimeout(Duration.ofMinutes(2));
    switch (kind) {
      case "directory-role": return b.directoryRole("User Administrator");
      case "group": return b.group("grp-prod-admins", GroupAccess.MEMBER);
      default: return b;
    }
  }

  /** Another run's activation: time-bound, from a schedule request, ending in an hour. */
  private void anotherRunsActivation() {
    Instant start = Harness.START.minus(Duration.ofMinutes(1));
    h.surface.active.add(new ActiveInstance("other-run-1", AssignmentType.ASSIGNED, start, Optional.of(start.plus(Duration.ofHours(1))),
        Optional.of("another-runs-request"), Optional.empty()));
  }

  private ElevationOutcome run(ElevationRequest request) {
    return h.elevator().run(request, ctx -> performed.incrementAndGet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"azure-role", "directory-role", "group"})
  void shareUsesTheOtherActivationAtOnceAndNeverRevokesItSayingSo(String kind) {
    anotherRunsActivation();

    ElevationOutcome outcome = run(request(kind).onConflict(OnConflict.SHARE).build());

    assertThat(outcome.failure()).isEmpty();
    assertThat(performed).hasValue(1);
    assertThat(h.clock.instant()).as("no wait").isBefore(Harness.START.plus(Duration.ofMinutes(1)));
    assertThat(h.submittedActions()).containsExactly("AdminAssign");
    assertThat(h.surface.active).extracting(ActiveInstance::id).containsExactly("other-run-1");
    ActivationRecord r = outcome.record();
    assertThat(r.revocation().status()).isEqualTo(ActivationRecord.RevocationStatus.PRE_EXISTING);
    assertThat(r.revocation().detail()).hasValueSatisfying(d -> assertThat(d).contains("on-conflict: share")
        .contains("never revokes it").contains("other-run-1"));
    assertThat(h.events(ElevationEvent.Notice.class)).anyMatch(n -> n.message().contains("on-conflict: share"));
    assertThat(Harness.schemaErrors(r)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"azure-role", "directory-role", "group"})
  void failRefusesBeforeAnythingIsCreatedNamingTheConflict(String kind) {
    anotherRunsActivation();

    ElevationOutcome outcome = run(request(kind).onConflict(OnConflict.FAIL).build());

    assertThat(outcome.failure()).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.DENIED);
      assertThat(f.azureErrorCode()).contains("RoleAssignmentExists");
      assertThat(f.getMessage()).contains("on-conflict is fail").contains("wait").contains("share");
    });
    assertThat(performed).hasValue(0);
    assertThat(h.submittedActions()).containsExactly("AdminAssign");
    assertThat(h.surface.active).extracting(ActiveInstance::id).containsExactly("other-run-1");
    assertThat(outcome.record().outcome()).isEqualTo(ActivationRecord.Outcome.DENIED);
    assertThat(outcome.record().revocation().status()).isNotEqualTo(ActivationRecord.RevocationStatus.REVOKED);
    assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"azure-role", "directory-role", "group"})
  void waitIsTheDefaultAndWaitsForTheOtherActivationUntilTheProvisioningDeadline(String kind) {
    anotherRunsActivation();

    ElevationRequest request = request(kind).build();
    ElevationOutcome outcome = run(request);

    assertThat(request.onConflict()).isEqualTo(OnConflict.WAIT);
    assertThat(outcome.failure()).isEmpty();
    assertThat(h.clock.instant()).as("waited").isAfterOrEqualTo(Harness.START.plus(Duration.ofMinutes(2)));
    assertThat(h.events(ElevationEvent.Notice.class)).anyMatch(n -> n.message().contains("waiting until"));
    assertThat(outcome.record().revocation().detail()).hasValueSatisfying(d -> assertThat(d).doesNotContain("on-conflict"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"share", "fail"})
  void standingAccessIsUsedAndNeverRevokedWhateverThePolicy(String policy) {
    h.surface.active.add(new ActiveInstance("standing-1", AssignmentType.ASSIGNED, Harness.START.minus(Duration.ofDays(30)),
        Optional.empty(), Optional.empty(), Optional.empty()));

    ElevationOutcome outcome = run(request("azure-role").onConflict(OnConflict.parse(policy)).build());

    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.record().revocation().status()).isEqualTo(ActivationRecord.RevocationStatus.PRE_EXISTING);
    assertThat(outcome.record().revocation().detail()).hasValueSatisfying(d -> assertThat(d).doesNotContain("on-conflict"));
  }
}
