package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.AssignmentType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ends an activation the signed-in person holds, found by its target rather than by a handle (another
 * terminal's, a portal activation): resolves the target and the person, finds the activation in force, and
 * self-deactivates it through the revoke step, inside the service's 5-minute floor waiting (or, when asked not
 * to wait, refusing and saying from when it can be deactivated). Nothing active, or only a standing assignment,
 * is refused before anything is submitted.
 */
final class Deactivation {
  private final Lifecycle lifecycle;

  Deactivation(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  ActivationRecord deactivate(ElevationRequest request, boolean waitForFloor) {
    if (request.strategy() != Strategy.SELF || request.principal().isPresent()) {
      throw new ElevationException(FailureKind.INVALID_REQUEST, "deactivate ends the signed-in identity's own "
          + "activation (self strategy); a broker's assignment is removed with 'revoke --handle'.");
    }
    Run run = lifecycle.newRun(request, Optional.empty());
    try {
      StepsRunner.runOne(run, new ResolveStep());
      ActiveInstance active = activeOne(run);
      Instant allowedAt = active.start().plus(lifecycle.config().polling().minimumActiveDuration());
      if (!waitForFloor && run.now().isBefore(allowedAt)) {
        throw new ElevationException(FailureKind.INVALID_REQUEST, request.target().describe() + " was activated at "
            + active.start() + " and PIM keeps an activation at least its minimum duration: it can be deactivated "
            + "from " + allowedAt + ". Run again then, or without --no-wait to wait for it.");
      }
      run.requestId = active.requestId().orElse(active.id());
      run.hold(active.start(), active.end().orElse(SubmitStep.PERMANENT), Optional.of(active.id()), true);
      run.record.granted(Optional.of(active.start()), active.end());
      run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.INFO, "Deactivating "
          + request.target().describe() + " (active since " + active.start()
          + active.end().map(e -> ", until " + e).orElse("") + ")."));
    } catch (ElevationException e) {
      run.fail(e);
      throw e.attachRecord(Release.finish(run));
    }
    lifecycle.release(run, lifecycle.config().polling().minimumActiveDuration().plusMinutes(1), null);
    return run.record.build();
  }

  /** The person's activation of the target in force now; refused when there is none or only an assignment. */
  private static ActiveInstance activeOne(Run run) {
    Instant now = run.now();
    List<ActiveInstance> inForce = run.surface.activeInstances(run.principal().id(), run.target()).stream()
        .filter(i -> i.covers(now)).toList();
    // PIM for Groups reports a self-activated membership as a time-bound "assigned" instance
    return inForce.stream().filter(i -> i.assignmentType() == AssignmentType.ACTIVATED || i.end().isPresent()).findFirst()
        .orElseThrow(() -> inForce.isEmpty()
            ? new ElevationException(FailureKind.INVALID_REQUEST, "Nothing is active for " + run.request.target().describe()
                + " for " + run.principal().id() + ": there is nothing to deactivate. See what is active with "
                + "'jit-elevate status'.")
            : new ElevationException(FailureKind.INVALID_REQUEST, run.request.target().describe() + " is assigned to "
                + run.principal().id() + " as a standing (active) assignment, not an activation: deactivate cannot "
                + "end it. Ask an administrator to remove the assignment."));
  }
}
