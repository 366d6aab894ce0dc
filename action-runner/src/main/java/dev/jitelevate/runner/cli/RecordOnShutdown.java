package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Writes the record when the process is terminated (SIGTERM, Ctrl-C) while an elevation runs: the core's shutdown
 * hook revokes and completes the record on its own thread; this hook waits for that record and writes it where
 * the normal path would have, so every exit path leaves a record. Disarmed once the command writes it itself.
 */
final class RecordOnShutdown implements ElevationListener {
  /** The longest the hook waits for the core's revoke to complete the record. */
  static final Duration PATIENCE = Duration.ofSeconds(60);
  private final Function<ActivationRecord, Path> target;
  private final CountDownLatch recorded = new CountDownLatch(1);
  private volatile ActivationRecord last;
  private volatile Thread hook;

  /** @param target where a record goes (the --record-out path, or the default one for its request id) */
  RecordOnShutdown(Function<ActivationRecord, Path> target) {
    this.target = target;
  }

  @Override
  public void on(ElevationEvent event) {
    if (event instanceof ElevationEvent.Recorded r) {
      last = r.record();
      recorded.countDown();
    }
  }

  void arm() {
    Thread t = new Thread(this::writeWhenRecorded, "jit-elevate-record-on-shutdown");
    Runtime.getRuntime().addShutdownHook(t);
    hook = t;
  }

  /**
   * Takes the hook off. Returns false when the JVM is already exiting (SIGTERM/SIGINT): then the hook writes the
   * record, once, and the command must not write it too (a second writer may be halted half-way).
   */
  boolean disarm() {
    Thread t = hook;
    hook = null;
    if (t != null && Thread.currentThread() != t) {
      try {
        Runtime.getRuntime().removeShutdownHook(t);
      } catch (IllegalStateException shuttingDown) {
        return false;
      }
    }
    return true;
  }

  private void writeWhenRecorded() {
    try {
      if (recorded.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS) && last != null) {
        ElevationFile.writeRecord(target.apply(last), last);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // nowhere left to report it: the process is ending
    }
  }
}
