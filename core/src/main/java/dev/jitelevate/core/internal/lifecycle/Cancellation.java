package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.Refusal;
import java.util.Optional;

/**
 * Cancels this run's pending request (deadline passed, interrupted, shut down) and checks whether it became
 * active anyway in the meantime: then the run holds a handle, so the revoke step removes it.
 */
final class Cancellation {
  private Cancellation() {}

  /**
   * Cancels and returns {@code failure} (with a cancel failure suppressed in it), or throws nothing when
   * {@code failure} is null.
   */
  static ElevationException cancel(Run run, ElevationException failure) {
    synchronized (run.revocationLock) {
      if (run.cancelled) {
        return failure;
      }
      run.cancelled = true;
    }
    try {
      run.surface.cancel(run.target(), run.requestId);
      run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.INFO, "Cancelled request " + run.requestId + "."));
      run.record.note("cancelledRequest", run.requestId);
    } catch (RuntimeException e) {
      ElevationException cancelFailure = e instanceof ElevationException ee ? ee
          : new ElevationException(FailureKind.SERVICE_UNAVAILABLE, "Cancelling request " + run.requestId + " failed: " + e);
      if (failure != null) {
        failure.addSuppressed(cancelFailure);
      } else {
        run.fail(cancelFailure);
      }
    }
    adoptIfActive(run);
    return failure;
  }

  /** If the request was provisioned before the cancel took effect, remember it so that it gets revoked. */
  static void adoptIfActive(Run run) {
    try {
      Optional<ActiveInstance> active = run.surface.activeInstances(run.principal().id(), run.target()).stream()
          .filter(i -> i.requestId().map(run.requestId::equals).orElse(false))
          .findFirst();
      active.ifPresent(i -> hold(run, i));
    } catch (RuntimeException e) {
      run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.WARNING, "Could not check whether request " + run.requestId
          + " became active before it was cancelled (" + Refusal.describe(e) + "); its server-side expiry is the backstop."));
    }
  }

  /** Holds the instance this run's request created (it expires when it says, or after the requested duration). */
  static RevocationHandle hold(Run run, ActiveInstance i) {
    return run.hold(i.start(), i.end().orElse(run.now().plus(run.request.duration())), Optional.of(i.id()), true);
  }
}
