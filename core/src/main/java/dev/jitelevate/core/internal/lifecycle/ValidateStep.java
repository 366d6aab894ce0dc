package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationDeniedException;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import java.util.UUID;

/** Dry-run: asks the service to validate the request (ARM validate, Graph isValidationOnly) without persisting it. */
final class ValidateStep implements Step {

  @Override
  public String name() {
    return "validate";
  }

  @Override
  public void execute(Run run) {
    run.requestId = UUID.randomUUID().toString();
    ScheduleRequestView view = run.surface.validate(SubmitStep.spec(run));
    run.record.note("validation", view.rawStatus());
    switch (view.status()) {
      case DENIED: case ADMIN_DENIED: case FAILED: case INVALID: case CANCELED: case TIMED_OUT: case REVOKED:
      case FAILED_AS_RESOURCE_IS_LOCKED:
        throw new ActivationDeniedException(FailureKind.DENIED, view.id(), view.rawStatus(), AwaitStep.endingOf(view.status()), "The service would refuse "
            + run.request.target().describe() + ": validation answered " + view.rawStatus() + ".",
            view.serviceRequestId().orElse(null));
      default:
        run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.INFO, "The service accepts the request (validation answered "
            + view.rawStatus() + "); nothing was submitted."));
    }
  }
}
