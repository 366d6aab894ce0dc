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
import dev.jitelevate.core.internal.retry.Retrier;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes the elevation away, once, whoever asks first (the finally or the shutdown hook). Never touches access
 * this run did not create. A plain role assignment (rbac) is deleted at once: it has no floor. For PIM, inside
 * the service's minimum active duration it waits and retries
 * (WAIT_FOR_MINIMUM) or leaves the elevation to its server-side expiry and says so (LEAVE_TO_EXPIRY). Then it
 * confirms the access is gone. What it revokes is given to it ({@link RevokeOrder}): a run's own handle, or a
 * handle another process wrote.
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
        Optional<RevocationHandle> held = run.handle();
        if (held.isEmpty()) {
          run.record.revocation(RevocationStatus.NOT_CREATED, null, "Nothing became active, so there was nothing to revoke.");
        } else {
          revoke(run.revokeOrder(held.get()), run.tools());
        }
      } finally {
        run.released = true;
      }
    }
  }

  /** Revokes what the order names, recording the outcome in the tools' record. */
  void revoke(RevokeOrder order, StepTools tools) throws InterruptedException {
    RevocationHandle h = order.handle();
    if (!h.createdByThisRun()) {
      tools.record().revocation(RevocationStatus.PRE_EXISTING, h.expiresAt().equals(SubmitStep.PERMANENT) ? null : h.expiresAt(),
          order.sharedDetail().orElse("The access existed before this run and was left untouched."));
      return;
    }
    if (h.strategy() == Strategy.RBAC) {
      new AssignmentRemoval(tools).remove(order);
      return;
    }
    Instant allowedAt = h.activatedAt().plus(tools.config().polling().minimumActiveDuration());
    Instant now = tools.now();
    if (now.isBefore(allowedAt)) {
      Duration wait = Duration.between(now, allowedAt);
      if (order.policy() == RevokePolicy.LEAVE_TO_EXPIRY || wait.compareTo(maxFloorWait) > 0) {
        leaveToExpiry(order, tools);
        return;
      }
      tools.events().on(new ElevationEvent.Waiting(now, name(), "minimum active duration", Duration.between(h.activatedAt(), now), allowedAt));
      tools.config().sleeper().sleep(wait);
    }
    try {
      remove(order, tools, allowedAt);
    } catch (ElevationException e) {
      if (Refusal.TOO_EARLY_TO_REMOVE.matches(e) && order.policy() == RevokePolicy.LEAVE_TO_EXPIRY) {
        leaveToExpiry(order, tools);
        return;
      }
      throw failed(order, tools, e);
    }
  }

  static ElevationException failed(RevokeOrder order, StepTools tools, ElevationException e) {
    RevocationHandle h = order.handle();
    String backstop = backstop(h);
    // rbac: the assignment's marked expiry, after which the sweep deletes it (the detail says it never expires)
    tools.record().revocation(RevocationStatus.FAILED, h.expiresAt(), e.getMessage() + " " + backstop);
    return new ElevationException(FailureKind.REVOKE_FAILED, "Revoking " + order.subject()
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
  private Duration floorPatience(StepTools tools) {
    Duration floor = tools.config().polling().minimumActiveDuration();
    Duration patience = floor.compareTo(ElevationRequest.MINIMUM_DURATION) < 0 ? ElevationRequest.MINIMUM_DURATION : floor;
    return patience.compareTo(maxFloorWait) > 0 ? maxFloorWait : patience;
  }

  private void remove(RevokeOrder order, StepTools tools, Instant allowedAt) throws InterruptedException {
    RevocationHandle h = order.handle();
    String removalId = UUID.randomUUID().toString();
    ScheduleAction action = h.strategy() == Strategy.SELF ? ScheduleAction.SELF_DEACTIVATE : ScheduleAction.ADMIN_REMOVE;
    ScheduleRequestSpec spec = new ScheduleRequestSpec(removalId, action, h.principalId(), order.target(), Optional.empty(),
        order.duration(), "jit-elevate: revoking after the run (request " + h.requestId() + ")",
        order.ticket(), Optional.empty(), Optional.empty());
    Instant retryUntil = later(tools.now(), allowedAt).plus(floorPatience(tools));
    Retrier.Plan plan = new Retrier.Plan("revoke", f -> Refusal.TOO_EARLY_TO_REMOVE.matches(f)
        && order.policy() == RevokePolicy.WAIT_FOR_MINIMUM, Integer.MAX_VALUE, retryUntil, Refusal::describe);
    tools.record().requestId(removalId);
    try {
      ScheduleRequestView removal = tools.retrier().call(plan, () -> tools.surface().submit(spec));
      if (isRefusal(removal)) {
        throw new ElevationException(FailureKind.REVOKE_FAILED, "The removal request " + removalId + " ended "
            + removal.rawStatus() + ".", null, removal.serviceRequestId().orElse(null), 0, null);
      }
    } catch (ElevationException e) {
      if (!Refusal.ALREADY_GONE.matches(e)) {
        throw e;
      }
      alreadyGone(tools);
    }
    confirmGone(order, tools);
    revoked(tools, "Removed by request " + removalId + " and confirmed gone.");
  }

  static void alreadyGone(StepTools tools) {
    tools.record().note("revocation", "the assignment was already gone (expired or removed) when revoking");
  }

  static void revoked(StepTools tools, String detail) {
    tools.record().at(Milestone.REVOKED, tools.now());
    tools.record().revocation(RevocationStatus.REVOKED, null, detail);
  }

  private static boolean isRefusal(ScheduleRequestView v) {
    switch (v.status()) {
      case DENIED: case ADMIN_DENIED: case FAILED: case CANCELED: case INVALID: case TIMED_OUT: case FAILED_AS_RESOURCE_IS_LOCKED:
        return true;
      default:
        return false;
    }
  }

  /** Waits until the access no longer shows as active. */
  static void confirmGone(RevokeOrder order, StepTools tools) throws InterruptedException {
    try {
      tools.poller().waitUntil("revoke", () -> stillActive(order, tools), Optional::isEmpty, a -> "still active",
          tools.now().plus(order.confirmTimeout()));
    } catch (Poller.DeadlinePassed e) {
      throw new ElevationException(FailureKind.REVOKE_FAILED, "The removal was accepted, but the access was still "
          + "active after " + Durations.format(e.waited()) + ".");
    }
  }

  private static Optional<ActiveInstance> stillActive(RevokeOrder order, StepTools tools) {
    RevocationHandle h = order.handle();
    Instant now = tools.now();
    return tools.surface().activeInstances(h.principalId(), order.target()).stream()
        .filter(i -> h.assignmentId().map(i.id()::equals).orElse(false) || i.id().equals(h.requestId())
            || i.requestId().map(h.requestId()::equals).orElse(false))
        .filter(i -> i.end().map(now::isBefore).orElse(true))
        .findFirst();
  }

  private static void leaveToExpiry(RevokeOrder order, StepTools tools) {
    RevocationHandle h = order.handle();
    String message = "Left to expire at " + h.expiresAt() + ": the service refuses removal within "
        + Durations.format(tools.config().polling().minimumActiveDuration()) + " of activation.";
    tools.record().revocation(RevocationStatus.LEFT_TO_EXPIRE, h.expiresAt(), message);
    tools.events().on(new ElevationEvent.Notice(tools.now(), ElevationEvent.Level.WARNING, message));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
