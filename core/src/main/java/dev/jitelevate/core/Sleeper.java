package dev.jitelevate.core;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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

  /** Waits in real time on a condition (interruptible, never longer than asked). */
  static Sleeper system() {
    ReentrantLock lock = new ReentrantLock();
    Condition never = lock.newCondition();
    return duration -> {
      long nanos = Math.max(0, duration.toNanos());
      lock.lockInterruptibly();
      try {
        while (nanos > 0) {
          nanos = never.awaitNanos(nanos);
        }
      } finally {
        lock.unlock();
      }
    };
  }
}
