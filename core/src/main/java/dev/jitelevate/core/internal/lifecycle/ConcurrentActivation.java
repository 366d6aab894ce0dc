package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.OnConflict;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Two runs elevating the same principal to the same role at the same scope (a matrix job, a re-run, two
 * workflows): the second one's request is refused because the access already exists. Using that access would
 * be unsafe when it belongs to another run, which revokes it when it finishes — in the middle of this run's
 * operation. The service does not say who created an activation, so every time-bound one that came from a
 * schedule request is treated as possibly another run's: this run waits (within its provisioning deadline)
 * until it is gone and then creates its own. Standing access (permanent, or not from a request) is used and
 * never revoked; so is a time-bound one that outlives the deadline, with a warning. An rbac assignment marked by another run
 * counts as time-bound. A run waits once. {@code on-conflict: share} uses the other activation at once (never
 * revoking it, and saying so); {@code fail} refuses. See docs/concurrency.md.
 */
final class ConcurrentActivation {
  private ConcurrentActivation() {}

  /**
   * Waits until no time-bound activation of the target is left; true when it ended before the deadline. With
   * {@code on-conflict: share} it returns false at once (the run uses the other activation, see {@link #sayShared});
   * with {@code fail} it throws.
   *
   * @throws ElevationException ({@code DENIED}, code {@code RoleAssignmentExists}) with {@code on-conflict: fail}
   */
  static boolean waitForItToEnd(Run run, ElevationException refusal) throws InterruptedException {
    if (run.concurrentWaits++ > 0 || timeBound(run).isEmpty()) {
      return false;
    }
    if (run.request.onConflict() == OnConflict.FAIL) {
      throw new ElevationException(FailureKind.DENIED, "The access " + run.request.target().describe() + " is already "
          + "active through another time-bound activation (perhaps another run's), and on-conflict is fail. Use "
          + "on-conflict: wait to wait for it to end, or share to use it without revoking it.",
          refusal.azureErrorCode().orElse(null), refusal.azureRequestId().orElse(null), refusal.httpStatus(), refusal);
    }
    if (run.request.onConflict() == OnConflict.SHARE) {
      run.sharing = true;
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

  /** After the run took the other activation as pre-existing: says in the record and the log that it shares it. */
  static void sayShared(Run run) {
    sharedDetail(run).ifPresent(detail -> {
      Instant expiresAt = run.handle().orElseThrow().expiresAt();
      run.record.revocation(ActivationRecord.RevocationStatus.PRE_EXISTING, expiresAt, detail);
      run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.WARNING, "on-conflict: share: this run uses another "
          + "activation of the same access and does not revoke it; it ends when its owner revokes it (at the latest "
          + expiresAt + "), perhaps during this run's operation."));
    });
  }

  /** The record's revocation detail of a run that shares another activation ({@code on-conflict: share}). */
  static Optional<String> sharedDetail(Run run) {
    RevocationHandle h = run.handle().orElse(null);
    if (!run.sharing || h == null || h.createdByThisRun()) {
      return Optional.empty();
    }
    return Optional.of("on-conflict: share: the access was already active through another time-bound activation "
        + "(perhaps another run's, instance " + h.assignmentId().orElse("unknown") + "); this run used it without "
        + "waiting and never revokes it. The access ends when its owner revokes it, at the latest " + h.expiresAt() + ".");
  }

  private static List<ActiveInstance> timeBound(Run run) {
    Instant now = run.now();
    return run.surface.activeInstances(run.principal().id(), run.target()).stream()
        .filter(i -> i.end().map(now::isBefore).orElse(false) && i.requestId().isPresent()
            || i.description().map(d -> d.contains(RbacMarker.PREFIX)).orElse(false))
        .toList();
  }
}
