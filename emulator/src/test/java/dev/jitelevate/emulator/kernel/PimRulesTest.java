package dev.jitelevate.emulator.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PimRulesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final PolicyLimits EIGHT_HOURS =
      new PolicyLimits(Duration.ofHours(8), true, Set.of("Justification", "Ticketing", "MultiFactorAuthentication"));

  @Nested
  class Conflicts {
    @Test
    void anExistingAssignmentWinsOverAPendingRequest() {
      assertThatThrownBy(() -> PimRules.requireNoConflict(true, true)).isInstanceOfSatisfying(SurfaceException.class,
          e -> assertThat(e.code()).isEqualTo("RoleAssignmentExists"));
    }

    @Test
    void aPendingRequestIsPendingRoleAssignmentRequest() {
      assertThatThrownBy(() -> PimRules.requireNoConflict(false, true)).isInstanceOfSatisfying(SurfaceException.class,
          e -> assertThat(e.status()).isEqualTo(400));
      assertThatCode(() -> PimRules.requireNoConflict(false, false)).doesNotThrowAnyException();
    }
  }

  @Nested
  class DeactivationFloor {
    @Test
    void removingWithinTheFloorIsActiveDurationTooShortInTheServicesWords() {
      assertThatThrownBy(() -> PimRules.requireFloorPassed(NOW.minusSeconds(60), NOW, Duration.ofMinutes(5)))
          .isInstanceOfSatisfying(SurfaceException.class, e -> assertThat(e.code()).isEqualTo("ActiveDurationTooShort"))
          .hasMessage("The Active duration is too short. Miniumum Required is 5 minutes.");
    }

    @Test
    void aFloorBelowAMinuteIsSaidInSeconds() {
      assertThatThrownBy(() -> PimRules.requireFloorPassed(NOW, NOW, Duration.ofSeconds(30)))
          .hasMessage("The Active duration is too short. Miniumum Required is 30 seconds.");
    }

    @Test
    void removingAtTheFloorIsAllowed() {
      assertThatCode(() -> PimRules.requireFloorPassed(NOW.minus(Duration.ofMinutes(5)), NOW, Duration.ofMinutes(5)))
          .doesNotThrowAnyException();
    }
  }

  @Nested
  class PolicyChecks {
    @Test
    void everyFailingRuleIsListedAtOnceInTheServicesOrder() {
      List<String> failed = PimRules.endUserFailures(false, EIGHT_HOURS, new PolicyAsk(Duration.ofHours(9), " ", false, false));

      assertThat(failed).containsExactly("EligibilityRule", "ExpirationRule", "JustificationRule", "TicketingRule", "MfaRule");
      assertThatThrownBy(() -> PimRules.requireNoFailures(failed))
          .isInstanceOfSatisfying(SurfaceException.class,
              e -> assertThat(e.code()).isEqualTo("RoleAssignmentRequestPolicyValidationFailed"))
          .hasMessage("The following policy rules failed: [\"EligibilityRule\",\"ExpirationRule\",\"JustificationRule\","
              + "\"TicketingRule\",\"MfaRule\"]");
    }

    @Test
    void aPermanentRequestBreaksARuleThatRequiresExpiryAndAnUnlimitedOneAllowsAnyLength() {
      PolicyLimits unlimited = new PolicyLimits(null, false, Set.of());

      assertThat(PimRules.adminFailures(EIGHT_HOURS, new PolicyAsk(null, "why", true, true))).containsExactly("ExpirationRule");
      assertThat(PimRules.adminFailures(unlimited, new PolicyAsk(null, null, false, false))).isEmpty();
      assertThat(PimRules.adminFailures(unlimited.requiringExpiration(), new PolicyAsk(null, null, false, false)))
          .containsExactly("ExpirationRule");
      assertThat(PimRules.adminFailures(unlimited, new PolicyAsk(Duration.ofDays(3650), null, false, false))).isEmpty();
    }

    @Test
    void anEmptyScheduleBreaksTheExpirationRule() {
      assertThat(PimRules.adminFailures(EIGHT_HOURS, new PolicyAsk(Duration.ZERO, "why", true, true)))
          .containsExactly("ExpirationRule");
    }

    @Test
    void aRequestWithinTheRulesPasses() {
      assertThat(PimRules.endUserFailures(true, EIGHT_HOURS, new PolicyAsk(Duration.ofHours(8), "why", true, true))).isEmpty();
    }
  }
}
