package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.FailureKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs steps in order, announcing each, and turns whatever escapes a step into an {@link ElevationException}. */
final class StepsRunner {
  private StepsRunner() {}

  /** Runs the steps; the first failure stops the run and is thrown. */
  static void run(Run run, List<Step> steps) {
    for (Step step : steps) {
      runOne(run, step);
    }
  }

  static void runOne(Run run, Step step) {
    announced(run.events, run.clock(), step.name(), run.request.target().describe(), () -> step.execute(run),
        () -> run.interrupted = true);
  }

  /** A step's work, which may wait. */
  interface Work {
    void run() throws InterruptedException;
  }

  /**
   * Runs one step's work between its started and finished events; an interrupt is reported to
   * {@code onInterrupt} and becomes an {@code INTERRUPTED} failure, anything unexpected an {@code INTERNAL} one.
   */
  static void announced(ElevationListener events, Clock clock, String name, String subject, Work work, Runnable onInterrupt) {
    Instant start = clock.instant();
    events.on(new ElevationEvent.StepStarted(start, name, subject));
    try {
      work.run();
      finished(events, clock, name, start, true, "");
    } catch (ElevationException e) {
      finished(events, clock, name, start, false, e.getMessage());
      throw e;
    } catch (InterruptedException e) {
      onInterrupt.run();
      finished(events, clock, name, start, false, "interrupted");
      throw new ElevationException(FailureKind.INTERRUPTED, "The " + name + " step was interrupted.");
    } catch (RuntimeException e) {
      finished(events, clock, name, start, false, e.toString());
      throw internal(name, e);
    } catch (Error e) {
      finished(events, clock, name, start, false, e.toString());
      throw e;
    }
  }

  /** An unexpected exception or error: a bug, named as one, keeping the original as the cause. */
  static ElevationException internal(String step, Throwable e) {
    return new ElevationException(FailureKind.INTERNAL, "The " + step + " step failed unexpectedly (a bug in jit-elevate: "
        + "please report it): " + e, null, null, 0, e);
  }

  private static void finished(ElevationListener events, Clock clock, String name, Instant start, boolean ok, String detail) {
    Instant end = clock.instant();
    events.on(new ElevationEvent.StepFinished(end, name, Duration.between(start, end), ok, detail));
  }
}
