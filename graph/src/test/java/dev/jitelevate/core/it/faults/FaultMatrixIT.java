package dev.jitelevate.core.it.faults;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.testing.Ledger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.SweepReport;
import java.time.Duration;
import java.time.Instant;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.testing.SecretCanary;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.PendingApproval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every row of the {@link FaultCatalogue} through the public API against the emulator and checks the
 * {@link Aftermath}: no leftover access unless the record admits it (bounded by the requested duration),
 * a truthful record, the expected outcome, and no secret in any channel. Each row is written to the ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixIT {
  private FaultWorld world;
  private Ledger ledger;
  private ScheduledExecutorService approver;

  @BeforeAll
  void start() {
    world = new FaultWorld();
    ledger = Ledger.open("fault-matrix");
  }

  @AfterAll
  void stop() {
    world.close();
  }

  static Stream<FaultScenario> scenarios() {
    return FaultCatalogue.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void eachFaultEndsWithNothingLeftActiveATruthfulRecordAndNoLeakedSecret(FaultScenario s) throws Exception {
    long started = System.nanoTime();
    approver = Executors.newSingleThreadScheduledExecutor();
    List<String> problems = new ArrayList<>();
    ElevationOutcome outcome = null;
    int canaryHits = 0;
    try (SecretCanary canary = world.reset()) {
      s.arrange().accept(stage());
      PrivilegedOperation op = context -> s.operation().perform(stage(), context);
      outcome = elevator(s).run(s.request(), op);
      approver.shutdownNow();
      canary.capture("record", ActivationRecords.toJson(outcome.record()));
      outcome.failure().ifPresent(f -> canary.capture("failure", f));
      problems.addAll(Aftermath.violations(world.emulator, outcome));
      problems.addAll(sweepBackstop(s, outcome));
      problems.addAll(expectations(s, outcome));
      if (!world.emulator.pendingApprovals().isEmpty()) {
        problems.add("a request is still pending: " + world.emulator.pendingApprovals());
      }
      canaryHits = canary.leaks().size();
      canary.leaks().forEach(l -> problems.add("canary: " + l));
    } finally {
      approver.shutdownNow();
      write(s, outcome, problems, canaryHits, started);
    }
    assertThat(problems).as(s.id()).isEmpty();
  }

  /** An rbac assignment that could not be removed must be deleted by the sweep once its marked expiry passed. */
  private List<String> sweepBackstop(FaultScenario s, ElevationOutcome outcome) {
    if (s.strategy() != Strategy.RBAC || !outcome.record().revocation().status().equals(RevocationStatus.FAILED)) {
      return List.of();
    }
    Instant marked = outcome.record().revocation().expiresAt().orElseThrow();
    world.emulator.clock().advance(Duration.between(world.emulator.clock().now(), marked).plusMinutes(1));
    SweepReport report = world.sweeper().sweep(ArmScope.parse(FaultWorld.RG_APP));
    return world.emulator.leaks().isEmpty() ? List.of()
        : List.of("still active after the sweep past the marked expiry: " + world.emulator.leaks() + " " + report);
  }

  private static List<String> expectations(FaultScenario s, ElevationOutcome outcome) {
    List<String> problems = new ArrayList<>();
    var actual = outcome.failure().map(ElevationException::kind);
    if (!actual.equals(s.expectedFailure())) {
      problems.add("expected failure " + s.expectedFailure() + " but got " + actual + " "
          + outcome.failure().map(Throwable::getMessage).orElse(""));
    }
    if (!outcome.record().revocation().status().name().equals(s.expectedRevocation())) {
      problems.add("expected revocation " + s.expectedRevocation() + " but the record says "
          + outcome.record().revocation());
    }
    return problems;
  }

  private Elevator elevator(FaultScenario s) {
    return s.strategy() == Strategy.SELF ? world.selfElevator(s.lifecycleFloor()) : world.brokerElevator(s.lifecycleFloor());
  }

  private FaultScenario.Stage stage() {
    return new FaultScenario.Stage() {
      @Override
      public PimEmulator emulator() {
        return world.emulator;
      }

      @Override
      public void approver(boolean approve) {
        approver.scheduleWithFixedDelay(() -> {
          for (PendingApproval p : world.emulator.pendingApprovals()) {
            world.emulator.decide(p.approvalId(), approve, FaultWorld.BOB, approve ? "go ahead" : "not during the freeze");
          }
        }, 100, 50, TimeUnit.MILLISECONDS);
      }
    };
  }

  static boolean isLeak(String problem) {
    return problem.startsWith("still active") || problem.startsWith("left active") || problem.startsWith("ends at");
  }

  private void write(FaultScenario s, ElevationOutcome outcome, List<String> problems, int canaryHits, long started) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("suite", "fault-matrix");
    line.put("id", s.id());
    line.put("strategy", s.strategy().wireValue());
    line.put("target", s.target());
    line.put("fault", s.fault());
    line.put("outcome", outcome == null ? "none" : outcome.record().outcome().name());
    line.put("failureKind", outcome == null ? null : outcome.failure().map(f -> f.kind().name()).orElse(null));
    line.put("revocation", outcome == null ? null : outcome.record().revocation().status());
    line.put("expiresAt", outcome == null ? null
        : outcome.record().revocation().expiresAt().map(Object::toString).orElse(null));
    line.put("retries", outcome == null ? 0 : outcome.record().retries());
    line.put("activeAfter", world.emulator.leaks().size());
    line.put("leaks", problems.stream().filter(FaultMatrixIT::isLeak).count());
    line.put("canaryHits", canaryHits);
    line.put("passed", problems.isEmpty());
    line.put("problems", problems);
    line.put("millis", (System.nanoTime() - started) / 1_000_000);
    ledger.write(line);
  }
}
