package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.FailureKind;
import java.util.List;
import java.util.function.Consumer;

/**
 * One target of an elevation with several: its request, its own single-target elevator (events tagged with the
 * target), and what became of it. Each slot is worked on by one thread at a time.
 */
final class TargetSlot {
  final int index;
  final ElevationRequest request;
  final String label;
  private final Elevator elevator;
  private final ElevatorConfig config;
  /** The verified elevation while it is held; null before, after a failed acquire, and once released. */
  volatile ActiveElevation active;
  /** The latest record of this target. */
  volatile ActivationRecord record;

  TargetSlot(int index, ElevationRequest request, ElevatorConfig config, Elevator elevator) {
    this.index = index;
    this.request = request;
    this.label = request.target().describe();
    this.config = config;
    this.elevator = elevator;
  }

  /** Acquires this target; a failure is kept in {@code faults} with the record of what was released. */
  void acquire(Faults faults) {
    try {
      active = elevator.elevate(request);
      record = active.record();
    } catch (ElevationException e) {
      record = e.record().orElseGet(() -> Unstarted.outcome(config, request, "none", e).record());
      faults.add(this, e);
    } catch (RuntimeException | Error e) {
      ElevationException internal = StepsRunner.internal("acquire", e);
      record = Unstarted.outcome(config, request, "none", internal).record();
      faults.add(this, internal);
    }
  }

  /** Checks this target against the service's policy, submitting nothing. */
  void validate(Faults faults) {
    var outcome = elevator.validate(request);
    record = outcome.record();
    outcome.failure().ifPresent(e -> faults.add(this, e));
  }

  /** Revokes this target when it is held; a failure is kept in {@code faults}. */
  void release(Faults faults) {
    ActiveElevation held = active;
    if (held == null) {
      return;
    }
    active = null;
    try {
      held.close();
    } catch (ElevationException e) {
      faults.add(this, e);
    } catch (RuntimeException | Error e) {
      faults.add(this, new ElevationException(FailureKind.REVOKE_FAILED, "Revoking " + label
          + " failed unexpectedly: " + e + "; its server-side expiry ends it.", null, null, 0, e));
    } finally {
      record = held.record();
    }
  }

  /** The record so far, counting what the held elevation did up to now. */
  ActivationRecord currentRecord() {
    ActiveElevation held = active;
    return held != null ? held.record() : record;
  }

  /**
   * Runs {@code work} on every slot at once, one thread each, and returns when all are done (an interrupt of the
   * caller is kept for after: what is granted must be known before anyone leaves).
   */
  static void inParallel(List<TargetSlot> slots, Consumer<TargetSlot> work) {
    List<Thread> threads = slots.stream().map(s -> {
      Thread t = new Thread(() -> work.accept(s), "jit-elevate-target-" + (s.index + 1));
      t.setDaemon(true);
      return t;
    }).toList();
    threads.forEach(Thread::start);
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
