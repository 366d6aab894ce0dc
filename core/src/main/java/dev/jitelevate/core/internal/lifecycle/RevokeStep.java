package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.RevokePolicy;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.Refusal;
import dev.jitelevate.core.internal.gateway.ScheduleAction;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes the elevation away, once, whoever asks first (the finally or the shutdown hook). Never touches access
 * this run did not create. A plain role assignment (rbac) is deleted at once: it has no floor. For PIM, inside
 * the service's minimum active duration it waits and retries
 * (WAIT_FOR_MINIMUM) or leaves the elevation to its server-side expiry and says so (LEAVE_TO_EXPIRY). Then it
 * confirms the access is gone.
 */
final class RevokeStep implements Step {
  private final Duration maxFloorWait;

  /** @param maxFloorWait the longest wait for the floor before leaving it to expiry (short in a shutdown hook) */
  RevokeStep(Duration maxFloorWait) {
    this.maxFloorWait = maxFloorWait;
  }

  @Override
  public String name() {
    return "revoke";
  }

  @Override
  public void execute(Run run) throws InterruptedException {
    synchronized (run.revocationLock) {
      if (run.released) {
        return;
      }
      try {
        revoke(run, run.handle);
      } finally {
        run.released = true;
      }
    }
  }

  private void revoke(Run run, RevocationHandle h) throws InterruptedException {
    if (h == null) {
      run.record.revocation(RevocationStatus.NOT_CREATED, null, "Nothing became active, so there was nothing to revoke.");
      return;
    }
    if (!h.createdByThisRun()) {
      run.record.revocation(RevocationStatus.PRE_EXISTING, h.expiresAt().equals(SubmitStep.PERMANENT) ? null : h.expiresAt(),
          ConcurrentActivation.sharedDetail(run).orElse("The access existed before this run and was left untouched."));
      return;
    }
    if (h.strategy() == Strategy.RBAC) {
      removeAssignment(run, h);
      return;
    }
    Instant allowedAt = h.activatedAt().plus(run.config.polling().minimumActiveDuration());
    Instant now = run.now();
    if (now.isBefore(allowedAt)) {
      Duration wait = Duration.between(now, allowedAt);
      if (run.request.revokePolicy() == RevokePolicy.LEAVE_TO_EXPIRY || wait.compareTo(maxFloorWait) > 0) {
        leaveToExpiry(run, h);
        return;
      }
      run.events.on(new ElevationEvent.Waiting(now, name(), "minimum active duration", Duration.between(h.activatedAt(), now), allowedAt));
      run.config.sleeper().sleep(wait);
    }
    try {
      remove(run, h, allowedAt);
    } catch (ElevationException e) {
      if (Refusal.TOO_EARLY_TO_REMOVE.matches(e) && run.request.revokePolicy() == RevokePolicy.LEAVE_TO_EXPIRY) {
        leaveToExpiry(run, h);
        return;
      }
      throw failed(run, h, e);
    }
  }

  /**
   * A plain role assignment (rbac) has no deactivation floor and no server-side expiry: it is deleted at once,
   * whatever the revoke policy and however short the caller's budget (the shutdown hook's included).
   */
  private void removeAssignment(Run run, RevocationHandle h) throws InterruptedException {
    try {
      remove(run, h, run.now());
    } catch (ElevationException e) {
      throw failed(run, h, e);
    }
  }

  private static ElevationException failed(Run run, RevocationHandle h, ElevationException e) {
    String backstop = backstop(h);
    // rbac: the assignment's marked expiry, after which the sweep deletes it (the detail says it never expires)
    run.record.revocation(RevocationStatus.FAILED, h.expiresAt(), e.getMessage() + " " + backstop);
    return new ElevationException(FailureKind.REVOKE_FAILED, "Revoking " + run.request.target().describe()
        + " failed: " + Refusal.describe(e) + " " + backstop,
        e.azureErrorCode().orElse(null), e.azureRequestId().orElse(null), e.httpStatus(), e);
  }

  /**
   * What ends the access now that revoking failed: PIM's server-side expiry, or (rbac: plain role assignments
   * never expire) the sweep that deletes marked assignments after their marked expiry.
   */
  static String backstop(RevocationHandle h) {
    return h.strategy() == Strategy.RBAC
        ? "The role assignment has no server-side expiry and stays until deleted: it is marked to expire at "
            + h.expiresAt() + ", and only 'jit-elevate sweep' (run it on a schedule) deletes it after that."
        : "Left to expire at " + h.expiresAt() + " (its server-side expiry).";
  }

  /**
   * How long past the floor a removal refused as too early is retried: the configured floor, or PIM's 5
   * minutes when the lifecycle was told less than the service enforces, but never longer than this step may
   * wait (the shutdown hook's budget is short).
   */
  private Duration floorPatience(Run run) {
    Duration floor = run.config.polling().minimumActiveDuration();
    Duration patience = floor.compareTo(ElevationRequest.MINIMUM_DURATION) < 0 ? ElevationRequest.MINIMUM_DURATION : floor;
    return patience.compareTo(maxFloorWait) > 0 ? maxFloorWait : patience;
  }

  private void remove(Run run, RevocationHandle h, Instant allowedAt) throws InterruptedException {
    boolean rbac = h.strategy() == Strategy.RBAC;
    String removalId = rbac ? h.requestId() : UUID.randomUUID().toString();
    ScheduleAction action = h.strategy() == Strategy.SELF ? ScheduleAction.SELF_DEACTIVATE : ScheduleAction.ADMIN_REMOVE;
    ScheduleRequestSpec spec = new ScheduleRequestSpec(removalId, action, h.principalId(), run.target, Optional.empty(),
        run.request.duration(), "jit-elevate: revoking after the run (request " + h.requestId() + ")",
        run.request.ticket(), Optional.empty(), Optional.empty());
    Instant retryUntil = later(run.now(), allowedAt).plus(floorPatience(run));
    Retrier.Plan plan = new Retrier.Plan("revoke", f -> !rbac && Refusal.TOO_EARLY_TO_REMOVE.matches(f)
        && run.request.revokePolicy() == RevokePolicy.WAIT_FOR_MINIMUM, Integer.MAX_VALUE, retryUntil, Refusal::describe);
    if (!rbac) {
      run.record.requestId(removalId);
    }
    try {
      ScheduleRequestView removal = run.retrier.call(plan, () -> run.surface.submit(spec));
      if (isRefusal(removal)) {
        throw new ElevationException(FailureKind.REVOKE_FAILED, "The removal request " + removalId + " ended "
            + removal.rawStatus() + ".", null, removal.serviceRequestId().orElse(null), 0, null);
      }
    } catch (ElevationException e) {
      if (!Refusal.ALREADY_GONE.matches(e)) {
        throw e;
      }
      run.record.note("revocation", "the assignment was already gone (expired or removed) when revoking");
    }
    confirmGone(run, h);
    Instant done = run.now();
    run.record.at(Milestone.REVOKED, done);
    run.record.revocation(RevocationStatus.REVOKED, null, "Removed by " + (rbac ? "deleting role assignment " : "request ") + removalId
        + " and confirmed gone.");
  }

  private static boolean isRefusal(ScheduleRequestView v) {
    switch (v.status()) {
      case DENIED: case ADMIN_DENIED: case FAILED: case CANCELED: case INVALID: case TIMED_OUT: case FAILED_AS_RESOURCE_IS_LOCKED:
        return true;
      default:
        return false;
    }
  }

  private static void confirmGone(Run run, RevocationHandle h) throws InterruptedException {
    try {
      run.poller.waitUntil("revoke", () -> stillActive(run, h), Optional::isEmpty, a -> "still active",
          run.now().plus(run.request.provisioningTimeout()));
    } catch (Poller.DeadlinePassed e) {
      throw new ElevationException(FailureKind.REVOKE_FAILED, "The removal was accepted, but the access was still "
          + "active after " + Durations.format(e.waited()) + ".");
    }
  }

  private static Optional<ActiveInstance> stillActive(Run run, RevocationHandle h) {
    Instant now = run.now();
    return run.surface.activeInstances(h.principalId(), run.target).stream()
        .filter(i -> h.assignmentId().map(i.id()::equals).orElse(false) || i.id().equals(h.requestId())
            || i.requestId().map(h.requestId()::equals).orElse(false))
        .filter(i -> i.end().map(now::isBefore).orElse(true))
        .findFirst();
  }

  private static void leaveToExpiry(Run run, RevocationHandle h) {
    String message = "Left to expire at " + h.expiresAt() + ": the service refuses removal within "
        + Durations.format(run.config.polling().minimumActiveDuration()) + " of activation.";
    run.record.revocation(RevocationStatus.LEFT_TO_EXPIRE, h.expiresAt(), message);
    run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.WARNING, message));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
