package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationTimeoutException;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.retry.Retrier;
import java.time.Instant;

/**
 * Verification of a principal that is not the signed-in identity (a broker elevating someone else): its
 * effective access cannot be tested as the principal, so this proves what can be proven, that the schedule
 * instance (or assignment) exists and is active now, and the record says it was not probed as the principal.
 * No wait for a check that can never pass.
 */
final class OtherPrincipalCheck {
  static final String NOTE = "verification";

  private OtherPrincipalCheck() {}

  static void verify(Run run, Instant deadline) throws InterruptedException {
    Retrier.Plan plan = new Retrier.Plan("verify", f -> f instanceof VerifyPropagationStep.NotYetEffective,
        Integer.MAX_VALUE, deadline, f -> "not active yet: " + f.getMessage());
    ActiveInstance instance;
    try {
      instance = run.retrier.call(plan, () -> activeNow(run));
    } catch (VerifyPropagationStep.NotYetEffective e) {
      throw new ElevationTimeoutException("propagation", run.request.propagationTimeout(),
          run.request.target().describe() + " for principal " + run.principal().id() + " was provisioned but no active "
              + "instance was visible within " + Durations.format(run.request.propagationTimeout()) + " ("
              + e.getMessage() + "). Check the assignment in the portal.");
    }
    String said = "not probed as the principal: the signed-in identity cannot test another principal's access; "
        + "verified that " + run.target().roleName() + " at " + run.target().scope() + " is active for "
        + run.principal().id() + " (instance " + instance.id() + ", " + instance.assignmentType().wireValue()
        + instance.end().map(e -> ", until " + e).orElse("") + ")";
    run.record.note(NOTE, said);
    run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.INFO, "Not probed as the principal " + run.principal().id()
        + " (another identity than the signed-in one): its assignment is active, instance " + instance.id() + "."));
  }

  private static ActiveInstance activeNow(Run run) {
    Instant now = run.now();
    return run.surface.activeInstances(run.principal().id(), run.target()).stream()
        .filter(i -> !i.start().isAfter(now) && i.end().map(now::isBefore).orElse(true))
        .findFirst()
        .orElseThrow(() -> new VerifyPropagationStep.NotYetEffective("no active instance for " + run.principal().id()));
  }
}
