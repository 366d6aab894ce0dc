package dev.jitelevate.core.internal.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallerFirstExecutorTest {
  private final ExecutorService workers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    workers.shutdownNow();
  }

  /**
   * What MSAL's device code flow does: hand the task over, then publish its future, then wait on it. Between the
   * two the caller keeps the CPU (as when the scheduler takes it off under load) until {@code busy} has passed or
   * the task is done.
   */
  private static String submitThenPublishLate(ExecutorService executor, Duration busy) throws Exception {
    AtomicReference<CompletableFuture<String>> reference = new AtomicReference<>();
    CompletableFuture<String> future = CompletableFuture.supplyAsync(
        () -> reference.get() == null ? "the reference was empty" : "the reference was set", executor);
    long busyUntil = System.nanoTime() + busy.toNanos();
    while (System.nanoTime() - busyUntil < 0 && !future.isDone()) {
      Thread.onSpinWait();
    }
    reference.set(future);
    return future.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aTaskStartsOnlyAfterItsCallerHasPublishedTheFutureAndWaitsOnIt() throws Exception {
    assertThat(submitThenPublishLate(new CallerFirstExecutor(workers, Duration.ofSeconds(5)), Duration.ofMillis(200)))
        .isEqualTo("the reference was set");
  }

  @Test
  void onAPlainPoolTheSameTaskSeesTheReferenceEmpty() throws Exception {
    assertThat(submitThenPublishLate(workers, Duration.ofSeconds(5))).isEqualTo("the reference was empty");
  }

  @Test
  void aCallerThatNeverWaitsDelaysItsTaskByThePatienceAtMost() throws Exception {
    CallerFirstExecutor executor = new CallerFirstExecutor(workers, Duration.ofMillis(100));
    long start = System.nanoTime();
    CompletableFuture<Long> ran = CompletableFuture.supplyAsync(System::nanoTime, executor);
    long busyUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
    while (System.nanoTime() < busyUntil && !ran.isDone()) {
      Thread.onSpinWait();
    }
    assertThat(ran).isDone();
    assertThat(Duration.ofNanos(ran.get() - start)).isBetween(Duration.ofMillis(90), Duration.ofMillis(390));
  }

  @Test
  void shuttingItDownLeavesTheSharedWorkersRunning() throws Exception {
    CallerFirstExecutor executor = new CallerFirstExecutor(workers, Duration.ofSeconds(1));
    executor.shutdown();
    assertThat(executor.submit(() -> "still runs").get(5, TimeUnit.SECONDS)).isEqualTo("still runs");
    assertThat(workers.isShutdown()).isFalse();
  }
}
