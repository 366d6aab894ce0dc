package dev.jitelevate.core;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits between polls and retries. Injected everywhere a wait happens so tests advance a fake clock instead
 * of waiting, and so no code sleeps on its own.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the given time.
   *
   * @throws InterruptedException when the waiting thread is interrupted; the caller decides what that means
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Waits in real time: parks the thread for the time asked, again after an early wake-up, so never shorter;
   * an interrupt ends the wait with {@link InterruptedException} and the flag cleared, as {@code Thread.sleep} does.
   */
  static Sleeper system() {
    return duration -> {
      long until = System.nanoTime() + Math.max(0, duration.toNanos());
      for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
        LockSupport.parkNanos(left);
        if (Thread.interrupted()) {
          throw new InterruptedException("interrupted while waiting " + duration);
        }
      }
    };
  }
}
