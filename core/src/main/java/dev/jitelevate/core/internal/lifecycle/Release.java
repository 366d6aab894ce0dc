package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The end of a run: revoke once, then complete the record once, whichever of the run's finally and the shutdown
 * hook gets there first; the record's outcome, counts and failure, and the events that announce it.
 */
final class Release {
  private Release() {}

  /** Revokes (once) and completes the record; failures are kept in the run. */
  static void release(Run run, Duration maxFloorWait, ShutdownGuard guard) {
    synchronized (run.revocationLock) { // once: the finally and the shutdown hook never both revoke and record
      try {
        if (!run.released) {
          StepsRunner.runOne(run, new RevokeStep(maxFloorWait));
        }
      } catch (ElevationException e) {
        run.fail(e);
      } catch (Error e) {
        run.fail(StepsRunner.internal("revoke", e));
        throw e;
      } finally {
        finishOnce(run, guard);
      }
    }
  }

  private static void finishOnce(Run run, ShutdownGuard guard) {
    try {
      if (!run.finished) {
        run.finished = true;
        if (run.shuttingDown) {
          run.interrupt(new ElevationException(FailureKind.INTERRUPTED, "The job was cancelled (SIGTERM/SIGINT) "
              + "as the run ended; the elevation was released before exiting."));
        }
        finish(run);
      }
    } finally {
      if (guard != null) {
        guard.disarm();
      }
      if (run.interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Completes the record: outcome, counts, the failure with everything suppressed in it. */
  static ActivationRecord finish(Run run) {
    return finish(run.tools(), run.request.target().describe(), run.failure(), run.request.dryRun());
  }

  /** Completes a record: the failure (with everything suppressed in it), or success. */
  static ActivationRecord finish(StepTools tools, String subject, Optional<ElevationException> failure, boolean dryRun) {
    Instant now = tools.now();
    tools.events().on(new ElevationEvent.StepStarted(now, "record", subject));
    tools.record().counts(tools.events().retries(), tools.events().apiCalls());
    tools.record().at(Milestone.FINISHED, now);
    if (failure.isPresent()) {
      tools.record().fail(failure.get());
    } else {
      tools.record().succeeded(dryRun);
    }
    ActivationRecord record = tools.record().build();
    tools.events().on(new ElevationEvent.StepFinished(tools.now(), "record", Duration.ZERO, true, record.outcome().name()));
    tools.events().on(new ElevationEvent.Recorded(tools.now(), record));
    return record;
  }
}
