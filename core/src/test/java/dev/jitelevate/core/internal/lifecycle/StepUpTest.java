package dev.jitelevate.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ClaimsChallenge;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.Eligibility;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StepUpTest {
  private static final String ACRS = "RoleAssignmentRequestAcrsValidationFailed";
  private static final String C1 = "&claims=%7B%22access_token%22%3A%7B%22acrs%22%3A%7B%22essential%22%3Atrue"
      + "%2C%20%22value%22%3A%22c1%22%7D%7D%7D";
  private final Harness h = new Harness();
  private final List<ClaimsChallenge> challenges = new CopyOnWriteArrayList<>();
  private static final PrivilegedOperation NOTHING = ctx -> {};

  private ElevationRequest.Builder self() {
    h.surface.me = h.surface.principals.get(FakeSurface.ALICE);
    h.surface.eligibilities.add(new Eligibility("elig-1", Harness.SCOPE, Optional.empty()));
    return Harness.brokerRequest().strategy(Strategy.SELF);
  }

  private void withStepUp() {
    h.stepUp = challenge -> {
      challenges.add(challenge);
      return h.identity;
    };
  }

  private List<ScheduleRequestSpec> activations() {
    return h.surface.submitted.stream().filter(s -> !s.action().isRemoval()).toList();
  }

  private static EffectivePolicy policy(boolean mfa, Optional<String> context) {
    return new EffectivePolicy(Duration.ofHours(8), Duration.ofDays(365), false, false, mfa, false, List.of(), "p",
        context);
  }

  @Test
  void aPersonRefusedForAnAuthenticationContextIsSteppedUpOnceAndTheSameRequestRetried() {
    withStepUp();
    h.surface.policy = policy(false, Optional.of("c1"));
    h.surface.submitErrors.push(FakeSurface.error(400, ACRS, C1));
    ElevationOutcome outcome = h.elevator().run(self().build(), NOTHING);
    assertThat(outcome.failure()).isEmpty();
    assertThat(challenges).singleElement().satisfies(c -> {
      assertThat(c.authenticationContext()).isEqualTo("c1");
      assertThat(c.claims()).isEqualTo("{\"access_token\":{\"acrs\":{\"essential\":true, \"value\":\"c1\"}}}");
    });
    assertThat(activations()).hasSize(2);
    assertThat(activations().get(1).requestId()).isEqualTo(activations().get(0).requestId());
    assertThat(h.opened).hasSize(2);
    assertThat(h.events(ElevationEvent.Notice.class)).anySatisfy(n -> assertThat(n.message())
        .contains("requires authentication context 'c1'").contains("signing in once more"));
  }

  @Test
  void withoutAStepUpTheRefusalNamesTheRuleAndKeepsTheAzureCode() {
    h.surface.submitErrors.push(FakeSurface.error(400, ACRS, C1));
    ElevationOutcome outcome = h.elevator().run(self().build(), NOTHING);
    assertThat(outcome.failure().get()).isInstanceOfSatisfying(PolicyViolationException.class, e -> {
      assertThat(e.rule()).isEqualTo("AuthenticationContextRule");
      assertThat(e.azureErrorCode()).contains(ACRS);
    }).hasMessageContaining("authentication context 'c1'").hasMessageContaining("--auth device-code");
    assertThat(activations()).hasSize(1);
  }

  @Test
  void aSecondRefusalAfterSteppingUpFailsWithoutAThirdAttempt() {
    withStepUp();
    h.surface.submitErrors.push(FakeSurface.error(400, ACRS, C1));
    h.surface.submitErrors.push(FakeSurface.error(400, ACRS, C1));
    ElevationOutcome outcome = h.elevator().run(self().build(), NOTHING);
    assertThat(outcome.failure().get()).isInstanceOfSatisfying(PolicyViolationException.class,
        e -> assertThat(e.rule()).isEqualTo("AuthenticationContextRule")).hasMessageContaining("even after signing in again");
    assertThat(challenges).hasSize(1);
    assertThat(activations()).hasSize(2);
  }

  @Test
  void aPersonIsToldBeforeSubmittingThatThePolicyRequiresAnAuthenticationContext() {
    withStepUp();
    h.surface.policy = policy(false, Optional.of("c1"));
    h.elevator().run(self().build(), NOTHING);
    assertThat(h.events(ElevationEvent.Notice.class)).anySatisfy(n -> assertThat(n.message())
        .contains("AuthenticationContext_EndUser_Assignment").contains("'c1'"));
    assertThat(challenges).isEmpty();
  }

  @Test
  void theBrokerFailsBeforeSubmittingWhenActiveAssignmentRequiresMfaNamingTheRule() {
    h.surface.policy = policy(true, Optional.empty());
    ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), NOTHING);
    assertThat(outcome.failure().get()).isInstanceOfSatisfying(PolicyViolationException.class,
        e -> assertThat(e.rule()).isEqualTo("MfaRule")).hasMessageContaining("cannot satisfy")
        .hasMessageContaining("Enablement_Admin_Assignment");
    assertThat(h.surface.submitted).isEmpty();
  }
}
