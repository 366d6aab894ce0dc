package dev.jitelevate.bench;

import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.emulator.server.JournalEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Elevations through the public API in this JVM: elevate -> verify -> (nothing) -> revoke, broker strategy. */
final class InJvm {
  private InJvm() {}

  /** One elevation's wall time, outcome and journal. */
  record Run(double wallMs, boolean succeeded, String failure, List<JournalEntry> journal) {}

  static Elevator elevator(World world, CredentialSource identity, CredentialSource broker) {
    return Elevator.builder().cloud(world.cloud).tenantId(world.emulator.tenantId()).identity(identity).broker(broker)
        .polling(PollingPolicy.defaults().withMinimumActiveDuration(Duration.ZERO)).build();
  }

  /** One elevation of the CI identity; the journal is cleared first and returned with the result. */
  static Run once(World world) {
    world.emulator.clearJournal();
    Elevator elevator = elevator(world, world.ci(), world.broker());
    long start = System.nanoTime();
    ElevationOutcome outcome = elevator.run(World.request(), context -> { });
    double wall = (System.nanoTime() - start) / 1e6;
    return new Run(wall, outcome.succeeded(), outcome.failure().map(Throwable::getMessage).orElse(""), world.journal());
  }

  /** The result of n elevations started together. */
  record Batch(double makespanMs, int failures, List<String> failureMessages) {}

  /** n concurrent elevations, elevation i for bench-sp-i, one shared broker credential. */
  static Batch concurrent(World world, int n) throws Exception {
    CredentialSource broker = world.broker();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ElevationOutcome>> futures = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Elevator elevator = elevator(world, world.sp(i), broker);
      futures.add(pool.submit(() -> {
        go.await();
        return elevator.run(World.request(), context -> { });
      }));
    }
    long start = System.nanoTime();
    go.countDown();
    int failures = 0;
    List<String> messages = new ArrayList<>();
    for (Future<ElevationOutcome> f : futures) {
      ElevationOutcome outcome = f.get();
      if (!outcome.succeeded()) {
        failures++;
        outcome.failure().ifPresent(e -> messages.add(e.getMessage()));
      }
    }
    double makespan = (System.nanoTime() - start) / 1e6;
    pool.shutdown();
    return new Batch(makespan, failures, messages);
  }
}
