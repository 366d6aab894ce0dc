package dev.jitelevate.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.Eligibility;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ResolveStepTest {
  final Harness h = new Harness();
  static final PrivilegedOperation NOTHING = ctx -> {};

  ElevationOutcome run(ElevationRequest request) {
    return h.elevator().run(request, NOTHING);
  }

  /** Holds each of the named calls (its first time) until all of them have begun: they only pass if they overlap. */
  void requireOverlapOf(String... calls) {
    CyclicBarrier together = new CyclicBarrier(calls.length);
    Set<String> held = ConcurrentHashMap.newKeySet();
    h.surface.onCall = what -> {
      if (Set.of(calls).contains(what) && held.add(what)) {
        try {
          together.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError(what + " was not made at the same time as the other lookups", e);
        }
      }
    };
  }

  @Test
  void aBrokerLooksUpTheTargetThePrincipalAndWhoSignedInAtTheSameTime() {
    requireOverlapOf("resolve", "principal", "whoAmI");
    ElevationOutcome outcome = run(Harness.brokerRequest().principal(FakeSurface.ALICE).build());
    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.record().principal().id()).isEqualTo(FakeSurface.ALICE.value());
    assertThat(outcome.record().principal().displayName()).contains("Alice");
  }

  @Test
  void aBrokerLooksUpThePolicyWhileThePrincipalIsStillBeingLookedUp() {
    requireOverlapOf("policy", "principal");
    ElevationOutcome outcome = run(Harness.brokerRequest().principal(FakeSurface.ALICE).build());
    assertThat(outcome.failure()).isEmpty();
    assertThat(h.surface.calls).containsSubsequence("resolve", "policy");
  }

  @Test
  void selfActivationLooksUpThePolicyWhileItFindsOutWhoSignedInAndEligibilityOnceItKnows() {
    h.surface.me = h.surface.principals.get(FakeSurface.ALICE);
    h.surface.eligibilities.add(new Eligibility("elig-1", Harness.SCOPE, Optional.empty()));
    requireOverlapOf("policy", "whoAmI");
    ElevationOutcome outcome = run(Harness.brokerRequest().strategy(Strategy.SELF).build());
    assertThat(outcome.failure()).isEmpty();
    assertThat(h.surface.calls).containsSubsequence("resolve", "policy", "eligibilities")
        .containsSubsequence("whoAmI", "eligibilities");
  }

  @Test
  void theRbacStrategyLooksUpNoPimPolicy() {
    ElevationOutcome outcome = run(Harness.brokerRequest().strategy(Strategy.RBAC).principal(FakeSurface.ALICE).build());
    assertThat(outcome.failure()).isEmpty();
    assertThat(h.surface.calls).doesNotContain("policy");
  }

  @Test
  void aTargetThatCannotBeResolvedFailsWithItsAzureCodeWhileThePrincipalIsStillBeingRetried() {
    h.surface.resolveError = FakeSurface.error(404, "RoleDefinitionDoesNotExist", "The role definition does not exist.");
    h.surface.principalLookupsMissing = 3;
    ElevationOutcome outcome = run(Harness.brokerRequest().principal(FakeSurface.ALICE).build());
    assertThat(outcome.failure()).get().isInstanceOfSatisfying(ElevationException.class,
        e -> assertThat(e.azureErrorCode()).contains("RoleDefinitionDoesNotExist"));
    assertThat(h.surface.submitted).isEmpty();
    assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
  }

  @Test
  void aNamedPrincipalIsAnotherOneWhenWhoSignedInCannotBeFoundOut() {
    h.surface.onCall = what -> {
      if (what.equals("whoAmI")) {
        throw FakeSurface.error(401, "InvalidAuthenticationToken", "no token");
      }
    };
    ElevationOutcome outcome = run(Harness.brokerRequest().principal(FakeSurface.ALICE).build());
    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.record().principal().id()).isEqualTo(FakeSurface.ALICE.value());
  }

  @Test
  void theSelfStrategyStillRefusesAPrincipalOtherThanTheSignedInOne() {
    ElevationOutcome outcome = run(Harness.brokerRequest().strategy(Strategy.SELF).principal(FakeSurface.ALICE).build());
    assertThat(outcome.failure()).get().isInstanceOf(InvalidElevationRequestException.class);
    assertThat(h.surface.submitted).isEmpty();
  }

  @Test
  void interruptingTheRunWhileItResolvesEndsItAsInterruptedWithNothingSubmitted() {
    h.surface.principalLookupsMissing = 1;
    h.clock.interruptNextSleep = true;
    ElevationOutcome outcome = run(Harness.brokerRequest().principal(FakeSurface.ALICE).build());
    assertThat(outcome.failure()).get().isInstanceOfSatisfying(ElevationException.class,
        e -> assertThat(e.kind()).isEqualTo(dev.jitelevate.core.FailureKind.INTERRUPTED));
    assertThat(h.surface.submitted).isEmpty();
    Thread.interrupted();
  }
}
