package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
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
    Instant start = run.now();
    run.events.on(new ElevationEvent.StepStarted(start, step.name(), run.request.target().describe()));
    try {
      step.execute(run);
      finished(run, step, start, true, "");
    } catch (ElevationException e) {
      finished(run, step, start, false, e.getMessage());
      throw e;
    } catch (InterruptedException e) {
      run.interrupted = true;
      finished(run, step, start, false, "interrupted");
      throw new ElevationException(FailureKind.INTERRUPTED, "The " + step.name() + " step was interrupted.");
    } catch (RuntimeException e) {
      finished(run, step, start, false, e.toString());
      throw internal(step.name(), e);
    } catch (Error e) {
      finished(run, step, start, false, e.toString());
      throw e;
    }
  }

  /** An unexpected exception or error: a bug, named as one, keeping the original as the cause. */
  static ElevationException internal(String step, Throwable e) {
    return new ElevationException(FailureKind.INTERNAL, "The " + step + " step failed unexpectedly (a bug in jit-elevate: "
        + "please report it): " + e, null, null, 0, e);
  }

  private static void finished(Run run, Step step, Instant start, boolean ok, String detail) {
    Instant end = run.now();
    run.events.on(new ElevationEvent.StepFinished(end, step.name(), Duration.between(start, end), ok, detail));
  }
}
