package dev.jitelevate.core.internal.wait;

import java.util.function.Supplier;

/**
 * Work a cancelled job must still do: a cancel interrupts the thread, but a rotation's rollback calls and the
 * bounded waits for a stopped command (a validator, {@code ProcessTree}) must not be refused for an interrupt
 * that came before them. The interrupt flag is cleared for the work and set again after it, so the caller still
 * sees the cancel.
 */
public final class Uninterrupted {
  private Uninterrupted() {}

  /** A bounded wait, such as {@link Thread#join(long)} or a {@link Process}'s timed {@code waitFor}. */
  @FunctionalInterface
  public interface Wait {
    void await() throws InterruptedException;
  }

  /**
   * Waits: an interrupt from before the wait does not cut it short; one during it ends the wait early. Either is
   * kept for the caller.
   */
  public static void await(Wait wait) {
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
  public static <T> T call(Supplier<T> work) {
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
