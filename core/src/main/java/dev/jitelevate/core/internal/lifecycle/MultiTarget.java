package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.internal.gateway.SurfaceFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Several targets as one elevation, composed above the single-target lifecycle: each target has its own
 * {@link LifecycleElevator} (its events tagged with the target) and they run in parallel. All-or-nothing: when one
 * fails, the others are revoked once they have settled (a sibling is never cut off mid-call, so nothing it was
 * granted can be missed), and the first failure is kept with the later ones suppressed.
 */
final class MultiTarget {
  private final ElevatorConfig config;
  private final SurfaceFactory factory;

  MultiTarget(ElevatorConfig config, SurfaceFactory factory) {
    this.config = config;
    this.factory = factory;
  }

  /** Acquires every target, or releases whatever was granted and throws the first failure with the one record. */
  HeldElevations acquire(List<ElevationRequest> requests, String operationName) {
    List<TargetSlot> slots = slots(requests);
    Faults faults = new Faults();
    TargetSlot.inParallel(slots, s -> s.acquire(faults));
    HeldElevations held = new HeldElevations(this, slots, faults, operationName);
    if (faults.first().isPresent()) {
      held.close();  // throws the first failure with the record attached
    }
    return held;
  }

  /** Acquires, performs once all are active, releases (always); never throws for the lifecycle's failures. */
  ElevationOutcome run(List<ElevationRequest> requests, PrivilegedOperation operation) {
    HeldElevations held;
    try {
      held = acquire(requests, operation.name());
    } catch (ElevationException e) {
      return new ElevationOutcome(e.record().orElseGet(() -> unstarted(requests, operation.name(), e)), Optional.of(e));
    }
    try {
      held.perform(operation);
    } finally {
      try {
        held.close();
      } catch (ElevationException e) {
        // kept in the outcome below
      }
    }
    return new ElevationOutcome(held.record(), held.failure());
  }

  /** Validates every target (in parallel), submitting nothing; one record. */
  ElevationOutcome validate(List<ElevationRequest> requests) {
    List<TargetSlot> slots;
    try {
      slots = slots(requests);
    } catch (ElevationException e) {
      return new ElevationOutcome(unstarted(requests, "validate", e), Optional.of(e));
    }
    Faults faults = new Faults();
    TargetSlot.inParallel(slots, s -> s.validate(faults));
    ActivationRecord record = CombinedRecord.of(slots, faults, "validate", slots.get(0), Optional.of(config.clock().instant()));
    announce(record);
    return new ElevationOutcome(record, faults.first().map(f -> f.error().attachRecord(record)));
  }

  void announce(ActivationRecord record) {
    config.listener().on(new ElevationEvent.Recorded(config.clock().instant(), record));
  }

  ElevatorConfig config() {
    return config;
  }

  private ActivationRecord unstarted(List<ElevationRequest> requests, String operation, ElevationException e) {
    return Unstarted.outcome(config, requests.get(0), operation, e).record();
  }

  private List<TargetSlot> slots(List<ElevationRequest> requests) {
    check(requests);
    List<TargetSlot> slots = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      ElevationRequest r = requests.get(i);
      ElevatorConfig c = config;
      ElevatorConfig tagged = c.withListener(new TargetEvents(i, r.target().describe(), c.listener()));
      slots.add(new TargetSlot(i, r, tagged, new LifecycleElevator(tagged, factory)));
    }
    return slots;
  }

  /**
   * Checks that the requests can go together: at least two, each target once, one principal, strategy and mode.
   *
   * @throws InvalidElevationRequestException naming what differs and the fix
   */
  static void check(List<ElevationRequest> requests) {
    if (requests == null || requests.size() < 2) {
      throw new InvalidElevationRequestException("targets", "An elevation of several targets needs at least two; got "
          + (requests == null ? 0 : requests.size()) + ".", "Elevate a single target with elevate/run, or add targets.");
    }
    ElevationRequest first = requests.get(0);
    Set<ElevationTarget> seen = new HashSet<>();
    for (ElevationRequest r : requests) {
      if (!seen.add(r.target())) {
        throw new InvalidElevationRequestException("targets", "The target " + r.target().describe() + " is listed twice.",
            "List each target once.");
      }
      if (!r.principal().equals(first.principal()) || r.strategy() != first.strategy() || r.dryRun() != first.dryRun()) {
        throw new InvalidElevationRequestException("targets", "The targets of one elevation differ in principal, "
            + "strategy or dry-run (" + r.target().describe() + ").", "Elevate one principal with one strategy per run.");
      }
    }
  }
}
