package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ActiveElevations;
import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.DeactivationRequest;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.StatusReport;
import dev.jitelevate.core.SweepReport;
import dev.jitelevate.core.internal.gateway.SurfaceFactory;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link Elevator} behind {@link dev.jitelevate.core.ElevatorBuilder}: the lifecycle over the surfaces of a factory. */
public final class LifecycleElevator implements Elevator {
  private final Lifecycle lifecycle;
  private final MultiTarget multi;

  /** An elevator over the given surfaces (tests pass a fake factory). */
  public LifecycleElevator(ElevatorConfig config, SurfaceFactory surfaces) {
    this.lifecycle = new Lifecycle(config, surfaces);
    this.multi = new MultiTarget(config, surfaces);
  }

  /**
   * An elevator over the surfaces found on the class path.
   *
   * @throws IllegalStateException when no {@link SurfaceFactory} is registered
   */
  public static Elevator create(ElevatorConfig config) {
    SurfaceFactory factory = ServiceLoader.load(SurfaceFactory.class, SurfaceFactory.class.getClassLoader())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No " + SurfaceFactory.class.getName()
            + " is registered: put the jit-elevate core jar with its gateways on the class path."));
    return new LifecycleElevator(config, factory);
  }

  @Override
  public ActiveElevation elevate(ElevationRequest request) {
    Run run = lifecycle.newRun(request, Optional.empty());
    return new LiveElevation(run, lifecycle.acquire(run), lifecycle);
  }

  @Override
  public ElevationOutcome run(ElevationRequest request, PrivilegedOperation operation) {
    Run run;
    try {
      run = lifecycle.newRun(request, Optional.of(operation));
    } catch (ElevationException e) {
      return Unstarted.outcome(lifecycle.config(), request, operation.name(), e);
    }
    try {
      lifecycle.acquire(run);
    } catch (ElevationException e) {
      return new ElevationOutcome(run.record.build(), run.failure());
    }
    try {
      lifecycle.perform(run);
    } finally {
      lifecycle.release(run);
    }
    return new ElevationOutcome(run.record.build(), run.failure());
  }

  @Override
  public ActiveElevations elevateAll(List<ElevationRequest> requests) {
    return multi.acquire(requests, "none");
  }

  @Override
  public ElevationOutcome runAll(List<ElevationRequest> requests, PrivilegedOperation operation) {
    return multi.run(requests, operation);
  }

  @Override
  public ElevationOutcome validateAll(List<ElevationRequest> requests) {
    return multi.validate(requests);
  }

  @Override
  public ElevationOutcome validate(ElevationRequest request) {
    Run run;
    try {
      run = lifecycle.newRun(request, Optional.empty());
    } catch (ElevationException e) {
      return Unstarted.outcome(lifecycle.config(), request, "validate", e);
    }
    try {
      StepsRunner.run(run, List.of(new ResolveStep(), new PrecheckStep(), new ValidateStep()));
    } catch (ElevationException e) {
      run.fail(e);
    }
    run.record.revocation(RevocationStatus.NOT_CREATED, null, "Dry-run: nothing was submitted.");
    if (run.failure().isEmpty()) {
      run.record.outcome(ActivationRecord.Outcome.DRY_RUN);
    }
    Release.finish(run);
    return new ElevationOutcome(run.record.build(), run.failure());
  }

  @Override
  public ActivationRecord revoke(RevocationHandle handle, ActivationRecord recordSoFar) {
    return new HandleRevoker(lifecycle).revoke(handle, recordSoFar);
  }

  @Override
  public ActivationRecord deactivate(DeactivationRequest request) {
    return new Deactivation(lifecycle).deactivate(request);
  }

  @Override
  public SweepReport sweep(ArmScope scope) {
    return new Sweeper(lifecycle).sweep(scope);
  }

  @Override
  public StatusReport status(Optional<PrincipalId> principal) {
    return new StatusCollector(lifecycle).status(principal);
  }
}
