package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationDeniedException;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationTimeoutException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.internal.gateway.RequestStatus;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Polls the submitted request until it is provisioned or refused. Waiting for an approver has its own
 * deadline ({@code approvalTimeout}); provisioning has another. On a deadline or an interruption the request
 * is cancelled, so nothing is left pending.
 */
final class AwaitStep implements Step {

  @Override
  public String name() {
    return "await";
  }

  /** When approval and provisioning began, as observed by polling. */
  private static final class Phases {
    Instant approvalSince;
    Instant provisioningSince;
    String approvalId;
    boolean decided;
  }

  @Override
  public void execute(Run run) throws InterruptedException {
    if (run.handle().isPresent()) {
      return; // already active before this run: nothing was submitted to wait for
    }
    Phases phases = new Phases();
    phases.provisioningSince = run.now();
    ScheduleRequestView done;
    try {
      done = run.poller.waitUntil(name(), reader(run, phases), v -> !v.status().isPending(), ScheduleRequestView::rawStatus,
          v -> v.status().isAwaitingApproval()
              ? phases.approvalSince.plus(run.request.approvalTimeout())
              : phases.provisioningSince.plus(run.request.provisioningTimeout()));
    } catch (Poller.DeadlinePassed timeout) {
      ScheduleRequestView last = (ScheduleRequestView) timeout.last();
      boolean approval = last.status().isAwaitingApproval();
      ElevationException failure = new ElevationTimeoutException(approval ? "approval" : "provisioning", timeout.waited(),
          (approval ? "No approver decided on request " + run.requestId + " within "
              + Durations.format(run.request.approvalTimeout()) + "; the request was cancelled. Ask an approver to act "
              + "sooner, or allow a longer approval timeout."
              : "Request " + run.requestId + " was still " + last.rawStatus() + " after "
              + Durations.format(run.request.provisioningTimeout()) + "; the request was cancelled."));
      if (approval) {
        run.record.approval(phases.approvalId, "TimedOut", run.now());
      }
      throw Cancellation.cancel(run, failure);
    } catch (InterruptedException e) {
      Cancellation.cancel(run, null);
      throw e;
    }
    finish(run, phases, done);
  }

  private static Supplier<ScheduleRequestView> reader(Run run, Phases phases) {
    ScheduleRequestView[] first = {run.view};
    return () -> {
      ScheduleRequestView v = first[0];
      if (v == null) {
        v = run.surface.get(run.target(), run.requestId);
        run.lastPolledAt = run.now();
      }
      first[0] = null;
      observe(run, phases, v);
      return v;
    };
  }

  private static void observe(Run run, Phases phases, ScheduleRequestView v) {
    run.view = v;
    Instant now = run.now();
    if (v.status().isAwaitingApproval() && phases.approvalSince == null) {
      phases.approvalSince = now;
      phases.approvalId = v.approvalId().orElse(run.requestId);
      run.record.approval(phases.approvalId, null, null);
    } else if (!v.status().isAwaitingApproval() && phases.approvalSince != null && !phases.decided) {
      phases.decided = true;
      phases.provisioningSince = now; // approved (or refused): provisioning starts now
      if (!isRefusal(v.status())) {
        run.record.approval(phases.approvalId, "Approve", now);
        run.record.at(Milestone.APPROVED, now);
      }
    }
  }

  private static void finish(Run run, Phases phases, ScheduleRequestView done) {
    if (done.status() == RequestStatus.PROVISIONED) {
      run.record.at(Milestone.PROVISIONED, run.now());
      run.record.granted(done.start(), done.end());
      return;
    }
    if (phases.approvalId != null && isRefusal(done.status())) {
      run.record.approval(phases.approvalId, "Deny", run.now());
    }
    throw refused(run, done);
  }

  private static boolean isRefusal(RequestStatus s) {
    return s == RequestStatus.DENIED || s == RequestStatus.ADMIN_DENIED;
  }

  /** How a run ends in its record when its request ended with {@code status} instead of Provisioned. */
  static ActivationRecord.Outcome endingOf(RequestStatus status) {
    switch (status) {
      case CANCELED: return ActivationRecord.Outcome.CANCELLED;
      case DENIED: case ADMIN_DENIED: return ActivationRecord.Outcome.DENIED;
      case TIMED_OUT: return ActivationRecord.Outcome.TIMED_OUT;
      default: return ActivationRecord.Outcome.FAILED;
    }
  }

  private static ElevationException refused(Run run, ScheduleRequestView v) {
    String id = run.requestId;
    String azureId = v.serviceRequestId().orElse(null);
    switch (v.status()) {
      case DENIED: case ADMIN_DENIED:
        return new ActivationDeniedException(FailureKind.DENIED, id, v.rawStatus(), endingOf(v.status()), "Request " + id + " for "
            + run.request.target().describe() + " was denied. Ask the approver why, or request with a better justification.", azureId);
      case TIMED_OUT:
        return new ActivationDeniedException(FailureKind.TIMED_OUT, id, v.rawStatus(), endingOf(v.status()), "Request " + id
            + " timed out on the service side: no approver decided in time. Submit it again when an approver is available.", azureId);
      case CANCELED:
        return new ActivationDeniedException(FailureKind.DENIED, id, v.rawStatus(), endingOf(v.status()), "Request " + id + " was cancelled.", azureId);
      default:
        return new ActivationDeniedException(FailureKind.DENIED, id, v.rawStatus(), endingOf(v.status()), "Request " + id + " ended with status "
            + v.rawStatus() + " instead of Provisioned. Check the role's policy and the scope (e.g. a resource lock).", azureId);
    }
  }
}
