package dev.jitelevate.core.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import org.junit.jupiter.api.Test;

class RefusalTest {

  private static ElevationException failure(String code, int status) {
    return new ElevationException(FailureKind.SERVICE_UNAVAILABLE, "refused", code, "req-1", status, null);
  }

  @Test
  void namesARemovalRefusedAsTooEarlyWhateverTheCodesCase() {
    assertThat(Refusal.of(failure("activedurationtooshort", 400))).contains(Refusal.TOO_EARLY_TO_REMOVE);
  }

  @Test
  void namesBothSpellingsOfAnUnreplicatedSubjectTheSame() {
    assertThat(Refusal.of(failure("SubjectNotFound", 400))).contains(Refusal.SUBJECT_NOT_REPLICATED);
    assertThat(Refusal.of(failure("PrincipalNotFound", 400))).contains(Refusal.SUBJECT_NOT_REPLICATED);
  }

  @Test
  void tellsAlreadyGoneFromAlreadyActiveAndPending() {
    assertThat(Refusal.ALREADY_GONE.matches(failure("RoleAssignmentDoesNotExist", 404))).isTrue();
    assertThat(Refusal.ALREADY_ACTIVE.matches(failure("RoleAssignmentExists", 400))).isTrue();
    assertThat(Refusal.REQUEST_PENDING.matches(failure("PendingRoleAssignmentRequest", 400))).isTrue();
    assertThat(Refusal.ALREADY_GONE.matches(failure("RoleAssignmentExists", 400))).isFalse();
  }

  @Test
  void treatsAny403AsForbiddenAndOtherFailuresAsNoRefusal() {
    assertThat(Refusal.FORBIDDEN.matches(failure("AuthorizationFailed", 403))).isTrue();
    assertThat(Refusal.of(failure("InternalServerError", 500))).isEmpty();
    assertThat(Refusal.of(new IllegalStateException("bug"))).isEmpty();
  }
}
