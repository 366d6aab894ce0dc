package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import java.time.Instant;
import java.util.List;

/**
 * Two runs elevating the same principal to the same role at the same scope (a matrix job, a re-run, two
 * workflows): the second one's request is refused because the access already exists. Using that access would
 * be unsafe when it belongs to another run, which revokes it when it finishes — in the middle of this run's
 * operation. The service does not say who created an activation, so every time-bound one that came from a
 * schedule request is treated as possibly another run's: this run waits (within its provisioning deadline)
 * until it is gone and then creates its own. Standing access (permanent, or not from a request) is used and
 * never revoked; so is a time-bound one that outlives the deadline, with a warning. An rbac assignment marked by another run
 * counts as time-bound. A run waits once. See docs/concurrency.md.
 */
final class ConcurrentActivation {
  private ConcurrentActivation() {}

  /** Waits until no time-bound activation of the target is left; true when it ended before the deadline. */
  static boolean waitForItToEnd(Run run) throws InterruptedException {
    if (run.concurrentWaits++ > 0 || timeBound(run).isEmpty()) {
      return false;
    }
    Instant deadline = run.submittedAt.plus(run.request.provisioningTimeout());
    run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.INFO, "The access is already active through another "
        + "activation (perhaps another run, which will revoke it): waiting until " + deadline
        + " for it to end, to create this run's own."));
    try {
      run.poller.waitUntil("submit", () -> timeBound(run), List::isEmpty,
          active -> "another activation is active", deadline);
      return true;
    } catch (Poller.DeadlinePassed stillThere) {
      run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.WARNING, "Another activation of the same access was "
          + "still active at the deadline: this run uses it, and loses the access if its owner revokes it early."));
      return false;
    }
  }

  private static List<ActiveInstance> timeBound(Run run) {
    Instant now = run.now();
    return run.surface.activeInstances(run.principal.id(), run.target).stream()
        .filter(i -> i.end().map(now::isBefore).orElse(false) && i.requestId().isPresent()
            || i.description().map(d -> d.contains(RbacMarker.PREFIX)).orElse(false))
        .toList();
  }
}
