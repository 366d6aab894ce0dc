package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import dev.jitelevate.core.internal.retry.Backoff;
import dev.jitelevate.core.internal.retry.Retrier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one elevation as the steps fill it in. Steps run on one thread; the shutdown hook may revoke
 * from another, which is why the revocation fields are guarded by {@link #revocationLock}.
 */
final class Run {
  final ElevationRequest request;
  /** The operation: given to {@code run(...)}, or later to {@link dev.jitelevate.core.ActiveElevation#perform}. */
  volatile Optional<PrivilegedOperation> operation;
  final ElevatorConfig config;
  final AccessSurface surface;
  final RunEvents events;
  final Poller poller;
  final Retrier retrier;
  final Backoff backoff;
  final RecordBuilder record;
  final Object revocationLock = new Object();

  /** What the resolve step found: set once, by {@link #resolved(Resolved)}. */
  private volatile Resolved resolved;
  /** The schedule request (or rbac assignment name) this run submits: generated once, reused on retries. */
  String requestId;
  /** When the request was submitted. */
  Instant submittedAt;
  ScheduleRequestView view;
  /** When the await step last read the request from the service (null: it never had to). */
  Instant lastPolledAt;
  /** Set when access is active: by this run, or already before it ({@code createdByThisRun = false}); only by {@link #hold}. */
  private volatile RevocationHandle handle;
  /** Set when a step was interrupted: the thread is re-interrupted once revocation has run. */
  volatile boolean interrupted;
  /** Set once revocation has run (by the finally or the shutdown hook). */
  boolean released;
  /** Set once the record was completed (by the finally or the shutdown hook, whichever came first). */
  boolean finished;
  /** Set as SIGTERM/SIGINT begins releasing this run: from then on the run ends as interrupted (CANCELLED). */
  volatile boolean shuttingDown;
  LifecycleOperationContext operationContext;
  /** Opens this run's surface again with other credentials (a stepped-up person's). */
  java.util.function.Function<dev.jitelevate.core.CredentialSource, AccessSurface> reopen;
  ShutdownGuard guard;
  /** How often this run waited for another activation of the same access to end (it waits once). */
  int concurrentWaits;
  /** Set when {@code on-conflict: share} made this run use another activation of the same access. */
  boolean sharing;
  /** Set once this run's pending request was cancelled. */
  volatile boolean cancelled;
  private ElevationException failure;
  /** The thread running the operation, while it runs. */
  private Thread performer;

  /** Marks the calling thread as the operation's, so a shutdown can stop it. */
  synchronized void beginPerform() {
    performer = Thread.currentThread();
  }

  /** The operation (and the recording of its failure) is over. */
  synchronized void endPerform() {
    performer = null;
    notifyAll();
  }

  /**
   * Interrupts the running operation, if any, and waits up to {@code bound} for it to end (a rotation stops
   * its validator and rolls back). Returns whether an operation was running.
   */
  synchronized boolean stopOperation(Duration bound) {
    if (performer == null) {
      return false;
    }
    performer.interrupt();
    long until = System.nanoTime() + bound.toNanos();
    while (performer != null && System.nanoTime() < until) {
      try {
        wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
    }
    return true;
  }

  Run(ElevationRequest request, Optional<PrivilegedOperation> operation, ElevatorConfig config, AccessSurface surface,
      RunEvents events, RecordBuilder record) {
    this.request = request;
    this.operation = operation;
    this.config = config;
    this.surface = surface;
    this.events = events;
    this.record = record;
    this.backoff = Backoff.polling(config.polling(), config.random());
    this.poller = new Poller(config.clock(), config.sleeper(), backoff, events);
    this.retrier = new Retrier(config.clock(), config.sleeper(), backoff, events);
  }

  /** Records what the resolve step found; a run resolves once. */
  void resolved(Resolved found) {
    if (resolved != null) {
      throw new IllegalStateException("The run's target and principal were already resolved");
    }
    resolved = Objects.requireNonNull(found, "found");
  }

  /** What the resolve step found. */
  Resolved resolved() {
    Resolved found = resolved;
    if (found == null) {
      throw new IllegalStateException("The run's target and principal are not resolved yet");
    }
    return found;
  }

  /** Whether the resolve step has run (a failure before it leaves nothing to cancel or revoke). */
  boolean isResolved() {
    return resolved != null;
  }

  ResolvedTarget target() {
    return resolved().target();
  }

  PrincipalInfo principal() {
    return resolved().principal();
  }

  /** The handle of the access the run holds, once it holds any. */
  Optional<RevocationHandle> handle() {
    return Optional.ofNullable(handle);
  }

  /**
   * The handle of this run's access over the given window: its strategy, surface, principal and target, and the
   * request it submitted. Built here only, whether the run holds it or only announces it.
   */
  RevocationHandle handleFor(Instant start, Instant end, Optional<String> assignmentId, boolean createdByThisRun) {
    ResolvedTarget t = target();
    return new RevocationHandle(request.strategy(), Lifecycle.surfaceOf(t.surface()), principal().id(),
        t.roleDefinitionId().orElse(null), t.scope(), t.groupAccess().orElse(null), requestId, assignmentId, start, end,
        createdByThisRun);
  }

  /**
   * The one place a run takes hold of access: from here on, revoking has something to remove (or, when it was
   * not created by this run, something to leave alone).
   */
  RevocationHandle hold(Instant start, Instant end, Optional<String> assignmentId, boolean createdByThisRun) {
    RevocationHandle held = handleFor(start, end, assignmentId, createdByThisRun);
    handle = held;
    return held;
  }

  /** What acquiring yielded; only once the run holds access. */
  Acquired acquired() {
    RevocationHandle held = handle().orElseThrow(() -> new IllegalStateException("The run holds no access"));
    return new Acquired(target(), principal(), held);
  }

  /** What the revoke step takes away for this run, on its request's terms. */
  RevokeOrder revokeOrder(RevocationHandle held) {
    return RevokeOrder.of(held, target(), request, ConcurrentActivation.sharedDetail(this));
  }

  /** The surface, configuration, events, record, poller and retrier of this run. */
  StepTools tools() {
    return new StepTools(surface, config, events, record, poller, retrier);
  }

  Clock clock() {
    return config.clock();
  }

  Instant now() {
    return config.clock().instant();
  }

  /**
   * Waits until the minimum gap between polls has passed since the await step's last read, so that the
   * first propagation check does not follow the read that saw Provisioned within the same second: one poll
   * budget for the whole elevation, not one per phase.
   */
  void paceAfterLastPoll() throws InterruptedException {
    if (lastPolledAt == null) {
      return;
    }
    Duration left = Duration.between(now(), lastPolledAt.plus(backoff.minimumGap()));
    if (!left.isNegative() && !left.isZero()) {
      config.sleeper().sleep(left);
    }
  }

  /** Keeps the first failure; later ones are attached to it as suppressed (none is lost). */
  synchronized void fail(ElevationException e) {
    if (failure == null) {
      failure = e;
    } else if (failure != e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Makes the run's failure an {@code INTERRUPTED} one, whichever thread got there first: a failure recorded
   * before (the operation stopped by the shutdown fails in its own way) is kept in it as suppressed. One that is
   * already {@code INTERRUPTED} stays.
   */
  synchronized void interrupt(ElevationException interrupted) {
    if (failure == null) {
      failure = interrupted;
    } else if (failure.kind() != FailureKind.INTERRUPTED) {
      interrupted.addSuppressed(failure);
      failure = interrupted;
    }
  }

  synchronized Optional<ElevationException> failure() {
    return Optional.ofNullable(failure);
  }
}
