package dev.jitelevate.core.it.faults;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.testing.Ledger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.testing.SecretCanary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two runs elevating the same principal to the same role at the same scope at once (a matrix job, a
 * re-run): the second never piggy-backs on the first's activation, so the first's revoke never cuts the
 * second's operation; each creates and revokes its own, and nothing is left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyIT {
  private FaultWorld world;
  private Ledger ledger;

  @BeforeAll
  void start() {
    world = new FaultWorld();
    ledger = Ledger.open("concurrency");
  }

  @AfterAll
  void stop() {
    world.close();
  }

  @ParameterizedTest
  @EnumSource(value = Strategy.class, names = {"BROKER", "RBAC"})
  void theSecondRunsAccessIsNeverCutByTheFirstRunsRevoke(Strategy strategy) throws Exception {
    List<String> problems = new ArrayList<>();
    try (SecretCanary canary = world.reset()) {
      CountDownLatch firstActive = new CountDownLatch(1);
      AtomicInteger cutDuringSecond = new AtomicInteger();
      ElevationRequest first = FaultCatalogue.azureRole(strategy).label("run", "1001").label("job", "a").build();
      ElevationRequest second = FaultCatalogue.azureRole(strategy).label("run", "1001").label("job", "b")
          .provisioningTimeout(Duration.ofSeconds(20)).build();
      CompletableFuture<ElevationOutcome> a = CompletableFuture.supplyAsync(() ->
          world.brokerElevator(FaultWorld.FLOOR).run(first, context -> {
            firstActive.countDown();
            Thread.sleep(1500);
          }));
      assertThat(firstActive.await(20, TimeUnit.SECONDS)).isTrue();
      ElevationOutcome b = world.brokerElevator(FaultWorld.FLOOR).run(second, context -> {
        for (int i = 0; i < 20; i++) {
          if (world.emulator.activeAssignments().stream().noneMatch(x -> x.principalId().equals(FaultWorld.CI)
              && !x.fromScenario())) {
            cutDuringSecond.incrementAndGet();
          }
          Thread.sleep(50);
        }
      });
      ElevationOutcome firstOutcome = a.get(60, TimeUnit.SECONDS);
      for (ElevationOutcome o : List.of(firstOutcome, b)) {
        canary.capture("record", o.record());
        problems.addAll(Aftermath.violations(world.emulator, o));
        if (!o.record().revocation().status().equals(RevocationStatus.REVOKED)) {
          problems.add("a run did not revoke its own: " + o.record().revocation() + " " + o.failure());
        }
      }
      if (cutDuringSecond.get() > 0) {
        problems.add("the second run's access was gone " + cutDuringSecond.get() + " times during its operation");
      }
      if (b.record().requestIds().stream().anyMatch(firstOutcome.record().requestIds()::contains)) {
        problems.add("the second run shares a request with the first");
      }
      canary.leaks().forEach(l -> problems.add("canary: " + l));
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("suite", "concurrency");
      line.put("id", strategy.wireValue() + "/azure-role/two-runs-same-access");
      line.put("strategy", strategy.wireValue());
      line.put("target", "azure-role");
      line.put("fault", "a second run for the same principal, role and scope while the first is active");
      line.put("outcome", firstOutcome.record().outcome() + " + " + b.record().outcome());
      line.put("revocation", firstOutcome.record().revocation().status() + " + " + b.record().revocation().status());
      line.put("leaks", world.emulator.leaks().size());
      line.put("canaryHits", canary.leaks().size());
      line.put("passed", problems.isEmpty());
      line.put("problems", problems);
      ledger.write(line);
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aReRunNeitherDuplicatesNorRevokesTheElevationOfAnAttemptThatDidNotClean() throws Exception {
    List<String> problems = new ArrayList<>();
    try (SecretCanary canary = world.reset()) {
      ElevationRequest attempt1 = FaultCatalogue.azureRole(Strategy.BROKER).label("run", "2002").label("attempt", "1").build();
      ElevationRequest attempt2 = FaultCatalogue.azureRole(Strategy.BROKER).label("run", "2002").label("attempt", "2")
          .provisioningTimeout(Duration.ofSeconds(1)).build();
      ElevationOutcome second;
      try (ActiveElevation crashed = world.brokerElevator(FaultWorld.FLOOR).elevate(attempt1)) {
        second = world.brokerElevator(FaultWorld.FLOOR).run(attempt2, context -> {
          long mine = world.emulator.activeAssignments().stream().filter(x -> x.principalId().equals(FaultWorld.CI)
              && !x.fromScenario()).count();
          if (mine != 1) {
            problems.add("attempt 2 sees " + mine + " activations instead of attempt 1's one");
          }
        });
        canary.capture("record", second.record());
        if (!second.record().revocation().status().equals(RevocationStatus.PRE_EXISTING)) {
          problems.add("attempt 2 recorded " + second.record().revocation());
        }
        if (world.emulator.leaks().size() != 1) {
          problems.add("attempt 2 revoked attempt 1's activation or added one: " + world.emulator.leaks());
        }
        if (!second.record().ci().getOrDefault("attempt", "").equals("2")) {
          problems.add("the record does not say it was attempt 2: " + second.record().ci());
        }
      }
      if (!world.emulator.leaks().isEmpty()) {
        problems.add("attempt 1's post step left " + world.emulator.leaks());
      }
      canary.leaks().forEach(l -> problems.add("canary: " + l));
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("suite", "concurrency");
      line.put("id", "broker/azure-role/re-run-after-an-attempt-that-did-not-clean");
      line.put("strategy", "broker");
      line.put("target", "azure-role");
      line.put("fault", "attempt 2 while attempt 1's elevation is still active");
      line.put("outcome", second.record().outcome().name());
      line.put("revocation", second.record().revocation().status());
      line.put("leaks", world.emulator.leaks().size());
      line.put("canaryHits", canary.leaks().size());
      line.put("passed", problems.isEmpty());
      line.put("problems", problems);
      ledger.write(line);
    }
    assertThat(problems).isEmpty();
  }
}
