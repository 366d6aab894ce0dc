package dev.jitelevate.core.internal.lifecycle;

import com.azure.core.http.HttpClient;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.PlainRoleAssignments;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceFactory;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Orders the steps: acquire (resolve, precheck, submit, await, confirm, verify), perform, release (revoke,
 * record: {@link Release}). Release always runs once acquire has started, from a finally or from the shutdown hook.
 */
final class Lifecycle {
  /** The longest the shutdown hook waits for the minimum active duration before leaving it to expiry. */
  static final Duration SHUTDOWN_FLOOR_WAIT = Duration.ofSeconds(20);
  /** How long the shutdown hook waits for a stopped operation to roll back: within GitHub's 7.5 s before SIGTERM. */
  static final Duration OPERATION_STOP_WAIT = Duration.ofSeconds(5);
  private static final List<Step> ACQUIRE = List.of(new ResolveStep(), new PrecheckStep(), new SubmitStep(),
      new AwaitStep(), new ConfirmStep(), new VerifyPropagationStep());

  private final ElevatorConfig config;
  private final SurfaceFactory factory;

  Lifecycle(ElevatorConfig config, SurfaceFactory factory) {
    this.config = config;
    this.factory = factory;
  }

  ElevatorConfig config() {
    return config;
  }

  /** Starts a run: opens the surface the target and strategy need. */
  Run newRun(ElevationRequest request, Optional<PrivilegedOperation> operation) {
    RunEvents events = new RunEvents(config.listener());
    RecordBuilder record = new RecordBuilder(request, config.clock().instant(),
        operation.map(PrivilegedOperation::name).orElse("none"));
    IssuedTokens tokens = new IssuedTokens(config.clock());
    record.exposure(new ExposureAccount(tokens, config.maxAccessTokenLifetime(), Optional.empty()));
    ElevatorConfig watched = watching(tokens);
    SurfaceContext context = surfaceContext(events);
    AccessSurface surface = factory.open(kindOf(request), callerFor(request.strategy(), watched), context);
    Run run = new Run(request, operation, watched, surface, events, record);
    run.operationContext = new LifecycleOperationContext(run, () -> httpClient(context));
    run.reopen = source -> factory.open(kindOf(request), tokens.watch(source), context);
    return run;
  }

  /** This configuration with the elevated identity's tokens counted in {@code tokens}. */
  private ElevatorConfig watching(IssuedTokens tokens) {
    return config.withIdentity(tokens.watch(config.identity()));
  }

  SurfaceContext surfaceContext(RunEvents events) {
    return new SurfaceContext(config.cloud(), config.tenantId(), config.clock(), config.sleeper(), config.polling(),
        events, events, config.random(), config.http());
  }

  private HttpClient httpClient(SurfaceContext context) {
    return factory.httpClient(context);
  }

  AccessSurface open(SurfaceKind kind, Strategy strategy, RunEvents events) {
    return factory.open(kind, callerFor(strategy), surfaceContext(events));
  }

  /** The surface as the given caller (the signed-in identity, its tokens counted by the caller's watcher). */
  AccessSurface open(SurfaceKind kind, CredentialSource caller, RunEvents events) {
    return factory.open(kind, caller, surfaceContext(events));
  }

  /** The plain role assignments (as the broker), for the sweep. */
  PlainRoleAssignments roleAssignments(RunEvents events) {
    return AssignmentRemoval.assignments(open(SurfaceKind.ARM_RBAC, Strategy.RBAC, events));
  }

  /** Acquires a verified elevation, or releases whatever was created and throws the first failure. */
  Acquired acquire(Run run) {
    ShutdownGuard guard = ShutdownGuard.arm(() -> onShutdown(run), config.replaceSdkExecutor());
    run.guard = guard;
    try {
      StepsRunner.run(run, ACQUIRE);
      return run.acquired();
    } catch (ElevationException e) {
      run.fail(e);
      cancelIfPending(run, e);
      release(run, config.polling().minimumActiveDuration().plusMinutes(1), guard);
      ElevationException first = run.failure().orElse(e);
      throw first.attachRecord(run.record.build());
    } catch (Error e) {
      run.fail(StepsRunner.internal("acquire", e));
      try {
        cancelIfPending(run, null);
      } finally {
        release(run, config.polling().minimumActiveDuration().plusMinutes(1), guard);
      }
      throw e;
    }
  }

  /**
   * SIGTERM/SIGINT (a cancelled job): stop the running operation (it rolls back as configured), cancel what is
   * pending, revoke what is active, and complete the record as interrupted; listeners get it in an event.
   */
  private void onShutdown(Run run) {
    run.shuttingDown = true;
    boolean stopped = run.stopOperation(OPERATION_STOP_WAIT);
    synchronized (run.revocationLock) { // a run that already ended keeps the outcome it recorded
      if (!run.finished) {
        run.interrupt(new ElevationException(FailureKind.INTERRUPTED, "The job was cancelled (SIGTERM/SIGINT) "
            + (run.handle().isEmpty() ? "before the elevation was active" : stopped ? "while the operation ran"
            : "after the elevation became active") + "; the elevation was released before exiting."));
      }
    }
    cancelIfPending(run, null);
    release(run, SHUTDOWN_FLOOR_WAIT, null);
    run.events.on(new ElevationEvent.Interrupted(run.now(), run.record.build()));
  }

  private static void cancelIfPending(Run run, ElevationException failure) {
    if (run.handle().isEmpty() && !run.cancelled && run.requestId != null && run.view != null && run.view.status().isPending()) {
      Cancellation.cancel(run, failure);
    }
  }

  /** Performs the operation; its failure is kept in the run (an {@link Error} too, and then rethrown). */
  void perform(Run run) {
    run.beginPerform();
    try {
      StepsRunner.runOne(run, new PerformStep());
    } catch (ElevationException e) {
      run.fail(e);
    } catch (Error e) {
      run.fail(StepsRunner.internal("perform", e));
      throw e;
    } finally {
      endPerform(run);
    }
  }

  /**
   * Performs an operation under an elevation the caller holds: the verify step again, so the operation's own
   * probe must pass first, then the operation. The elevation stays; the failure, if any, is kept in the run and
   * is in the record from now on (the record so far is what a post step continues).
   */
  Optional<ElevationException> performHeld(Run run, PrivilegedOperation operation) {
    run.operation = Optional.of(operation);
    run.record.operationName(operation.name());
    run.beginPerform();
    try {
      StepsRunner.run(run, List.of(new VerifyPropagationStep(), new PerformStep()));
      return Optional.empty();
    } catch (ElevationException e) {
      run.fail(e);
      run.record.fail(e);
      return Optional.of(e);
    } finally {
      endPerform(run);
    }
  }

  /**
   * Ends the operation's turn. A shutdown stops the operation by interrupting its thread; the flag is taken
   * off here and kept in the run, so the revoke that follows on this thread is not cut short by it (the
   * release puts it back once revocation has run).
   */
  private static void endPerform(Run run) {
    if (Thread.interrupted()) {
      run.interrupted = true;
    }
    run.endPerform();
  }

  /** Revokes (once) and completes the record ({@link Release}); failures are kept in the run. */
  void release(Run run, Duration maxFloorWait, ShutdownGuard guard) {
    Release.release(run, maxFloorWait, guard);
  }

  /** The same, waiting out PIM's minimum active duration (a minute more at most) and disarming the run's guard. */
  void release(Run run) {
    release(run, config.polling().minimumActiveDuration().plusMinutes(1), run.guard);
  }

  static SurfaceKind kindOf(ElevationRequest request) {
    return kindOf(request.target(), request.strategy());
  }

  static SurfaceKind kindOf(ElevationTarget t, Strategy strategy) {
    if (t instanceof ElevationTarget.AzureRole) {
      return strategy == Strategy.RBAC ? SurfaceKind.ARM_RBAC : SurfaceKind.ARM;
    }
    return t instanceof ElevationTarget.DirectoryRole ? SurfaceKind.DIRECTORY : SurfaceKind.GROUP;
  }

  /** The handle's surface for a surface kind. */
  static RevocationHandle.Surface surfaceOf(SurfaceKind kind) {
    switch (kind) {
      case DIRECTORY: return RevocationHandle.Surface.DIRECTORY;
      case GROUP: return RevocationHandle.Surface.GROUP;
      default: return RevocationHandle.Surface.ARM;
    }
  }

  static SurfaceKind kindOf(RevocationHandle.Surface surface, Strategy strategy) {
    switch (surface) {
      case DIRECTORY: return SurfaceKind.DIRECTORY;
      case GROUP: return SurfaceKind.GROUP;
      default: return strategy == Strategy.RBAC ? SurfaceKind.ARM_RBAC : SurfaceKind.ARM;
    }
  }

  CredentialSource callerFor(Strategy strategy) {
    return callerFor(strategy, config);
  }

  private static CredentialSource callerFor(Strategy strategy, ElevatorConfig config) {
    if (strategy == Strategy.SELF) {
      return config.identity();
    }
    return config.broker().orElseThrow(() -> new InvalidElevationRequestException("broker",
        "The " + strategy.wireValue() + " strategy needs a broker identity to assign and remove the role.",
        "Configure the broker credential, or use the self strategy for an eligible person."));
  }
}
