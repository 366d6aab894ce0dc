package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Outcome;
import dev.jitelevate.core.ActivationRecord.Revocation;
import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord.TargetSection;
import dev.jitelevate.core.ActivationRecord.Timeline;
import dev.jitelevate.core.Elevator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The post step for several targets: revokes every target the main step handed over (each one idempotently: one
 * already gone is not an error) and completes the one record, a section per target.
 */
final class TargetsRevoke {
  /** The order in which a target's revocation decides the whole's: the worst first. */
  private static final List<RevocationStatus> PRECEDENCE = List.of(RevocationStatus.FAILED, RevocationStatus.PENDING,
      RevocationStatus.LEFT_TO_EXPIRE, RevocationStatus.REVOKED, RevocationStatus.PRE_EXISTING, RevocationStatus.NOT_CREATED);

  private final StepContext ctx;
  private final Elevator elevator;

  TargetsRevoke(StepContext ctx, Elevator elevator) {
    this.ctx = ctx;
    this.elevator = elevator;
  }

  /** Revokes each target in turn and returns the whole record, built on the main step's record so far. */
  ActivationRecord revoke(ActivationRecord soFar, TargetHandles targets) {
    List<ActivationRecord> revoked = new ArrayList<>();
    for (TargetHandles.Part part : targets.parts()) {
      ctx.log.group("Revoke: " + UntrustedText.neutralize(TargetSections.compact(part.record().target()), 400)
          + " (request " + UntrustedText.neutralize(String.valueOf(part.handle().requestId()), 100) + ")");
      try {
        revoked.add(elevator.revoke(part.handle(), part.record()));
      } finally {
        ctx.log.endGroup();
      }
    }
    int apiCalls = soFar.apiCalls() + revoked.stream().mapToInt(ActivationRecord::apiCalls).sum()
        - targets.parts().stream().mapToInt(p -> p.record().apiCalls()).sum();
    return combine(soFar, revoked, Math.max(soFar.apiCalls(), apiCalls));
  }

  /** The record so far with each target's revoked section, and the whole's revocation, outcome and timeline. */
  static ActivationRecord combine(ActivationRecord soFar, List<ActivationRecord> revoked, int apiCalls) {
    List<TargetSection> sections = revoked.stream().map(r -> new TargetSection(r.target(), r.requestIds(), r.outcome(),
        r.window(), r.timeline(), r.approval(), r.revocation(), r.error())).toList();
    Outcome outcome = soFar.outcome() != Outcome.IN_PROGRESS && soFar.outcome() != Outcome.SUCCEEDED ? soFar.outcome()
        : revoked.stream().map(ActivationRecord::outcome).filter(o -> o != Outcome.SUCCEEDED).findFirst()
            .orElse(Outcome.SUCCEEDED);
    Timeline t = soFar.timeline();
    Timeline timeline = new Timeline(t.requested(), t.submitted(), t.approved(), t.provisioned(), t.verified(),
        t.operationStarted(), t.operationEnded(), latest(revoked, r -> r.timeline().revoked()),
        latest(revoked, r -> r.timeline().finished()));
    ActivationRecord first = revoked.get(0);
    return new ActivationRecord(soFar.schemaVersion(), revoked.stream().flatMap(r -> r.requestIds().stream())
        .distinct().toList(), soFar.principal(), first.target(), soFar.strategy(), soFar.justification(), soFar.ticket(),
        soFar.window(), timeline, soFar.approval(), outcome, revocation(revoked),
        soFar.error().or(() -> revoked.stream().flatMap(r -> r.error().stream()).findFirst()), soFar.retries(),
        apiCalls, soFar.operation(), soFar.ci(), soFar.exposure()).withTargets(sections);
  }

  /** The worst target's status; the detail names each target that did not end REVOKED. */
  private static Revocation revocation(List<ActivationRecord> revoked) {
    RevocationStatus worst = revoked.stream().map(r -> r.revocation().status())
        .min(Comparator.comparingInt(PRECEDENCE::indexOf)).orElseThrow();
    String detail = revoked.stream().filter(r -> r.revocation().status() != RevocationStatus.REVOKED)
        .map(r -> TargetSections.compact(r.target()) + ": " + r.revocation().status()
            + r.revocation().detail().map(d -> " (" + d + ")").orElse(""))
        .collect(Collectors.joining("; "));
    Optional<Instant> expires = revoked.stream().flatMap(r -> r.revocation().expiresAt().stream())
        .min(Comparator.naturalOrder());
    return new Revocation(worst, expires, detail.isEmpty() ? Optional.of("All " + revoked.size() + " targets revoked.")
        : Optional.of(detail));
  }

  private static Optional<Instant> latest(List<ActivationRecord> rs, Function<ActivationRecord, Optional<Instant>> f) {
    return rs.stream().flatMap(r -> f.apply(r).stream()).max(Comparator.naturalOrder());
  }
}
