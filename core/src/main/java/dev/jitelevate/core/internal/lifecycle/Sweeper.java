package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.SweepReport;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.PlainRoleAssignments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds rbac-strategy role assignments whose marked expiry has passed (runs that never reached their revoke:
 * a killed runner) and deletes them. Assignments without a marker are never touched.
 */
final class Sweeper {
  private final Lifecycle lifecycle;

  Sweeper(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  SweepReport sweep(ArmScope scope) {
    RunEvents events = new RunEvents(lifecycle.config().listener());
    PlainRoleAssignments surface = lifecycle.roleAssignments(events);
    Instant now = lifecycle.config().clock().instant();
    List<String> removed = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<ElevationException> failures = new ArrayList<>();
    for (ActiveInstance assignment : surface.markedAssignments(scope.value())) {
      Optional<Instant> expiry = RbacMarker.expiry(assignment.description().orElse(null));
      if (expiry.isEmpty() || expiry.get().isAfter(now)) {
        kept.add(assignment.id());
        continue;
      }
      try {
        surface.deleteAssignment(assignment.id());
        removed.add(assignment.id());
        events.on(new ElevationEvent.Notice(now, ElevationEvent.Level.INFO, "Removed role assignment " + assignment.id()
            + " whose marked expiry " + expiry.get() + " had passed."));
      } catch (ElevationException e) {
        kept.add(assignment.id());
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      ElevationException first = new ElevationException(FailureKind.REVOKE_FAILED, "The sweep of " + scope + " removed "
          + removed.size() + " expired assignment(s) but could not remove " + failures.size() + ": "
          + failures.get(0).getMessage());
      failures.forEach(first::addSuppressed);
      throw first;
    }
    return new SweepReport(scope, removed, kept);
  }
}
