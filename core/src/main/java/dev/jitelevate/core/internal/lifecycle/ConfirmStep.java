package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationTimeoutException;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Confirms that an active schedule instance (or role assignment) created by this request exists and covers
 * now, and takes the revocation handle from it: from here on, revoke has something to remove.
 */
final class ConfirmStep implements Step {
  /** Clock skew tolerated between this machine and the service. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  @Override
  public String name() {
    return "confirm";
  }

  @Override
  public void execute(Run run) throws InterruptedException {
    if (run.handle().filter(h -> !h.createdByThisRun()).isPresent()) {
      return; // pre-existing: found covering now by the submit step
    }
    Instant submitted = run.submittedAt != null ? run.submittedAt : run.now();
    try {
      Optional<ActiveInstance> found = run.poller.waitUntil(name(),
          () -> ours(run, run.surface.activeInstances(run.principal().id(), run.target()), run.now(), submitted),
          Optional::isPresent, f -> "no active instance yet", run.now().plus(run.request.provisioningTimeout()));
      ActiveInstance instance = found.orElseThrow();
      RevocationHandle handle = Cancellation.hold(run, instance);
      run.record.granted(Optional.of(instance.start()), Optional.of(handle.expiresAt()));
    } catch (Poller.DeadlinePassed timeout) {
      holdFromView(run);
      throw new ElevationTimeoutException("provisioning", timeout.waited(), "Request " + run.requestId
          + " was reported provisioned, but no active instance covering now appeared within "
          + Durations.format(run.request.provisioningTimeout()) + ".");
    }
  }

  /** The instance this run created: linked to the request id, or, when the service does not say, a fresh one. */
  static Optional<ActiveInstance> ours(Run run, List<ActiveInstance> instances, Instant now, Instant submitted) {
    Optional<ActiveInstance> linked = instances.stream()
        .filter(i -> i.requestId().map(run.requestId::equals).orElse(false) || i.id().equals(run.requestId))
        .filter(i -> covers(i, now))
        .findFirst();
    if (linked.isPresent()) {
      return linked;
    }
    return instances.stream()
        .filter(i -> i.requestId().isEmpty() && covers(i, now) && !i.start().isBefore(submitted.minus(SKEW)))
        .findFirst();
  }

  private static boolean covers(ActiveInstance i, Instant now) {
    return !i.start().isAfter(now.plus(SKEW)) && i.end().map(now::isBefore).orElse(true);
  }

  /** Provisioned but not seen: hold the window the request reported, so that revoking still tries. */
  private static void holdFromView(Run run) {
    Instant start = run.view.start().orElse(run.now());
    Instant end = run.view.end().orElse(run.now().plus(run.request.duration()));
    run.hold(start, end, Optional.empty(), true);
  }
}
