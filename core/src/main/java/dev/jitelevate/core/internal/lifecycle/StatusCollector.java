package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.StatusReport;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists a principal's eligible and active elevations across ARM, directory roles and groups. */
final class StatusCollector {
  private static final List<SurfaceKind> KINDS = List.of(SurfaceKind.ARM, SurfaceKind.DIRECTORY, SurfaceKind.GROUP);
  private final Lifecycle lifecycle;

  StatusCollector(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  StatusReport status(Optional<PrincipalId> principal) {
    RunEvents events = new RunEvents(lifecycle.config().listener());
    List<StatusReport.Entry> eligible = new ArrayList<>();
    List<StatusReport.Entry> active = new ArrayList<>();
    List<ElevationException> refused = new ArrayList<>();
    PrincipalId who = null;
    for (SurfaceKind kind : KINDS) {
      AccessSurface surface = lifecycle.open(kind, Strategy.SELF, events);
      if (who == null) {
        who = principal.orElseGet(() -> surface.whoAmI(lifecycle.config().identity()).id());
      }
      try {
        Optional<StatusReport> part = surface.status(who);
        if (part.isEmpty()) {
          warn(events, kind, surface.getClass().getSimpleName() + " cannot list a principal's elevations");
          continue;
        }
        eligible.addAll(part.get().eligible());
        active.addAll(part.get().active());
      } catch (ElevationException e) {
        if (e.kind() != FailureKind.NOT_AUTHORIZED) {
          throw e;
        }
        refused.add(e);
        warn(events, kind, e.getMessage() + " (the identity may not read them; the other surfaces are listed)");
      }
    }
    if (refused.size() == KINDS.size()) {
      throw refused.get(0);
    }
    return new StatusReport(who, eligible, active);
  }

  /** One surface could not be listed: say so and go on with the others (a partial answer beats none). */
  private void warn(RunEvents events, SurfaceKind kind, String why) {
    events.on(new ElevationEvent.Notice(lifecycle.config().clock().instant(), ElevationEvent.Level.WARNING,
        "Cannot list " + Lifecycle.surfaceOf(kind).wireValue() + " elevations: " + why));
  }
}
