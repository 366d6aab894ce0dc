package dev.jitelevate.pimconfig;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Waits between polls and retries; injected so tests advance a clock instead of waiting. */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits for the given time.
   *
   * @throws InterruptedException when the waiting thread is interrupted
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
