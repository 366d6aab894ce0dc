package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * SIGTERM/SIGINT of the main step (GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later, then SIGKILL
 * 2.5 s after): a shutdown hook that waits, within that grace, for the lifecycle to stop the operation, revoke
 * and complete the record, then lets the step write its record, outputs, summary and last line. From the
 * signal on, the main thread writes nothing more ({@link #holdIfSignalled}).
 */
final class Interruption {
  /** How long the hook waits for the lifecycle's record: inside GitHub's 10 s from SIGINT to SIGKILL. */
  static final Duration RECORD_WAIT = Duration.ofMillis(8_500);

  private final CompletableFuture<ActivationRecord> released = new CompletableFuture<>();
  private final CountDownLatch never = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean signalled;
  private volatile boolean inFlight;

  /** Installs an interruption for a step (a JVM shutdown hook in the action; tests may install none). */
  @FunctionalInterface
  interface Factory {
    Interruption install(Consumer<Optional<ActivationRecord>> ending);
  }

  private Interruption(Consumer<Optional<ActivationRecord>> ending) {
    this.hook = new Thread(() -> onSignal(ending), "jit-elevate-interrupted");
  }

  /** Installs the hook; {@code ending} writes what happened, given the record when the lifecycle produced one. */
  static Interruption install(Consumer<Optional<ActivationRecord>> ending) {
    Interruption interruption = new Interruption(ending);
    Runtime.getRuntime().addShutdownHook(interruption.hook);
    return interruption;
  }

  private void onSignal(Consumer<Optional<ActivationRecord>> ending) {
    signalled = true;
    Optional<ActivationRecord> record = Optional.empty();
    if (inFlight) {
      try {
        record = Optional.of(released.get(RECORD_WAIT.toMillis(), TimeUnit.MILLISECONDS));
      } catch (TimeoutException | ExecutionException e) {
        record = Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ending.accept(record);
  }

  /** An elevation is in the lifecycle's hands: on a signal, it revokes and completes the record. */
  void inFlight(boolean value) {
    inFlight = value;
  }

  /** The lifecycle's record of an interrupted run (from its shutdown hook). */
  void released(ActivationRecord record) {
    released.complete(record);
  }

  boolean signalled() {
    return signalled;
  }

  /** Called by the main thread before it writes anything: after a signal, the hook writes, so this never returns. */
  void holdIfSignalled() {
    if (!signalled) {
      return;
    }
    try {
      never.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      never.countDown();
    }
  }

  /** The step ended normally: no hook is needed any more (while it is exiting after a signal, hold instead). */
  void uninstall() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      holdIfSignalled();
    }
  }
}
