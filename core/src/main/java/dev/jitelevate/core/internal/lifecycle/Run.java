package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.Eligibility;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  ResolvedTarget target;
  PrincipalInfo principal;
  EffectivePolicy policy;
  Optional<Eligibility> eligibility = Optional.empty();
  /** The schedule request (or rbac assignment name) this run submits: generated once, reused on retries. */
  String requestId;
  /** When the request was submitted. */
  Instant submittedAt;
  ScheduleRequestView view;
  /** When the await step last read the request from the service (null: it never had to). */
  Instant lastPolledAt;
  /** Set when access is active: by this run, or already before it ({@code createdByThisRun = false}). */
  volatile RevocationHandle handle;
  /** Set when a step was interrupted: the thread is re-interrupted once revocation has run. */
  volatile boolean interrupted;
  /** Set once revocation has run (by the finally or the shutdown hook). */
  boolean released;
  LifecycleOperationContext operationContext;
  /** Opens this run's surface again with other credentials (a stepped-up person's). */
  java.util.function.Function<dev.jitelevate.core.CredentialSource, AccessSurface> reopen;
  ShutdownGuard guard;
  /** How often this run waited for another activation of the same access to end (it waits once). */
  int concurrentWaits;
  /** Set when {@code on-conflict: share} made this run use another activation of the same access. */
  boolean sharing;
  /**
   * Whether the elevated principal is not the signed-in identity (a broker elevating someone else): its access
   * cannot be tested as the principal, so the verify step proves what it can instead.
   */
  boolean otherPrincipal;
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
    this.backoff = new Backoff(config.polling(), config.random());
    this.poller = new Poller(config.clock(), config.sleeper(), backoff, events);
    this.retrier = new Retrier(config.clock(), config.sleeper(), backoff, events);
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

  synchronized Optional<ElevationException> failure() {
    return Optional.ofNullable(failure);
  }
}
