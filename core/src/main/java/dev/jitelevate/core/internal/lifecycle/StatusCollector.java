package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.StatusReport;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.PlainRoleAssignments;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lists a principal's elevations across ARM, directory roles and groups: eligible, active, pending (with their
 * approvers) and the rbac strategy's marked leftovers. A surface that cannot be read is named in a warning and
 * the others are still listed.
 */
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
    List<StatusReport.Pending> pending = new ArrayList<>();
    List<ElevationException> refused = new ArrayList<>();
    PrincipalId who = null;
    for (SurfaceKind kind : KINDS) {
      AccessSurface surface = lifecycle.open(kind, Strategy.SELF, events);
      if (who == null) {
        who = principal.orElseGet(() -> surface.whoAmI(lifecycle.config().identity()).id());
      }
      PrincipalId of = who;
      Optional<StatusReport> part = read(events, kind, refused, () -> listed(events, kind, surface, of));
      part.ifPresent(p -> {
        eligible.addAll(p.eligible());
        active.addAll(p.active());
      });
      if (part.isPresent()) {
        read(events, kind, new ArrayList<>(), () -> new PendingApprovers(surface).of(of)).ifPresent(pending::addAll);
      }
    }
    if (refused.size() == KINDS.size()) {
      throw refused.get(0);
    }
    PrincipalId of = who;
    List<StatusReport.Leftover> leftovers = rbac(events).flatMap(r -> read(events, SurfaceKind.ARM_RBAC,
        new ArrayList<>(), () -> Optional.of(r.leftovers(of)))).orElse(List.of());
    return new StatusReport(who, eligible, active, pending, leftovers);
  }

  private Optional<PlainRoleAssignments> rbac(RunEvents events) {
    AccessSurface surface = lifecycle.open(SurfaceKind.ARM_RBAC, Strategy.SELF, events);
    return surface instanceof PlainRoleAssignments assignments ? Optional.of(assignments) : Optional.empty();
  }

  /** The surface's own status, or a warning that it cannot list a principal's elevations. */
  private Optional<StatusReport> listed(RunEvents events, SurfaceKind kind, AccessSurface surface, PrincipalId of) {
    Optional<StatusReport> report = surface.status(of);
    if (report.isEmpty()) {
      warn(events, kind, surface.getClass().getSimpleName() + " cannot list a principal's elevations");
    }
    return report;
  }

  /** One read that may have nothing to say: a refusal becomes a warning and nothing; anything else fails the status. */
  private <T> Optional<T> read(RunEvents events, SurfaceKind kind, List<ElevationException> refused,
      Supplier<Optional<T>> read) {
    try {
      return read.get();
    } catch (ElevationException e) {
      if (e.kind() != FailureKind.NOT_AUTHORIZED) {
        throw e;
      }
      refused.add(e);
      warn(events, kind, e.getMessage() + " (the identity may not read them; the other surfaces are listed)");
    }
    return Optional.empty();
  }

  /** One surface could not be listed: say so and go on with the others (a partial answer beats none). */
  private void warn(RunEvents events, SurfaceKind kind, String why) {
    String what = kind == SurfaceKind.ARM_RBAC ? "rbac leftover" : Lifecycle.surfaceOf(kind).wireValue();
    events.on(new ElevationEvent.Notice(lifecycle.config().clock().instant(), ElevationEvent.Level.WARNING,
        "Cannot list " + what + " elevations: " + why));
  }
}
