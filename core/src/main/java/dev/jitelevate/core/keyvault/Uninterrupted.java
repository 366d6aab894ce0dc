package dev.jitelevate.core.keyvault;

import java.util.function.Supplier;

/**
 * Work a cancelled job must still finish: a cancel interrupts the rotation's thread, but the rollback's calls
 * and the bounded waits for a stopped validator have to run to their end. The interrupt flag is cleared for the
 * work and set again after it, so the caller still sees the cancel.
 */
final class Uninterrupted {
  private Uninterrupted() {}

  /** A bounded wait, such as {@link Thread#join(long)} or a {@link Process}'s timed {@code waitFor}. */
  @FunctionalInterface
  interface Wait {
    void await() throws InterruptedException;
  }

  /** Waits out the wait; an interrupt before or during it ends nothing early but is kept for the caller. */
  static void await(Wait wait) {
    boolean interrupted = Thread.interrupted();
    try {
      wait.await();
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Runs the work with the interrupt flag cleared, and sets it again afterwards if it was set. */
  static <T> T call(Supplier<T> work) {
    boolean interrupted = Thread.interrupted();
    try {
      return work.get();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
