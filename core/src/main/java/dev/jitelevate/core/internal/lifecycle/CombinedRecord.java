package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationDeniedException;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Exposure;
import dev.jitelevate.core.ActivationRecord.Failure;
import dev.jitelevate.core.ActivationRecord.Outcome;
import dev.jitelevate.core.ActivationRecord.Revocation;
import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord.TargetSection;
import dev.jitelevate.core.ActivationRecord.Timeline;
import dev.jitelevate.core.ActivationRecord.Window;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one record of an elevation with several targets: the first target at the top, a section per target, and
 * the whole elevation's window (when all were granted), timeline, outcome, revocation and first failure.
 */
final class CombinedRecord {
  /** The order in which a section's revocation status decides the whole's: the worst first. */
  private static final List<RevocationStatus> PRECEDENCE = List.of(RevocationStatus.FAILED, RevocationStatus.PENDING,
      RevocationStatus.LEFT_TO_EXPIRE, RevocationStatus.REVOKED, RevocationStatus.PRE_EXISTING, RevocationStatus.NOT_CREATED);

  private CombinedRecord() {}

  /**
   * @param performer the target the operation ran under (its record holds the operation's result)
   * @param finished when the whole elevation ended; empty while it is held
   */
  static ActivationRecord of(List<TargetSlot> slots, Faults faults, String operationName, TargetSlot performer,
      Optional<Instant> finished) {
    List<ActivationRecord> rs = slots.stream().map(TargetSlot::currentRecord).toList();
    ActivationRecord first = rs.get(0);
    ActivationRecord operated = performer.currentRecord();
    List<String> ids = rs.stream().flatMap(r -> r.requestIds().stream()).distinct().toList();
    var principal = rs.stream().map(ActivationRecord::principal).filter(p -> !"self".equals(p.id())).findFirst()
        .orElse(first.principal());
    Window window = new Window(rs.stream().map(r -> r.window().requested()).max(Comparator.naturalOrder()).orElseThrow(),
        latest(rs, r -> r.window().grantedStart()), earliest(rs, r -> r.window().grantedEnd()));
    Optional<Faults.Fault> firstFault = faults.first();
    return new ActivationRecord(ActivationRecord.SCHEMA_VERSION, ids, principal, first.target(), first.strategy(),
        first.justification(), first.ticket(), window, timeline(rs, operated, finished),
        rs.stream().flatMap(r -> r.approval().stream()).findFirst(), outcome(rs, firstFault), revocation(slots, rs),
        firstFault.map(f -> failure(f, faults)), rs.stream().mapToInt(ActivationRecord::retries).sum(),
        rs.stream().mapToInt(ActivationRecord::apiCalls).sum(), operation(operated, operationName), first.ci(),
        exposure(rs), rs.stream().map(CombinedRecord::section).toList());
  }

  private static Timeline timeline(List<ActivationRecord> rs, ActivationRecord operated, Optional<Instant> finished) {
    return new Timeline(earliest(rs, r -> Optional.of(r.timeline().requested())).orElseThrow(),
        earliest(rs, r -> r.timeline().submitted()), latest(rs, r -> r.timeline().approved()),
        latest(rs, r -> r.timeline().provisioned()), latest(rs, r -> r.timeline().verified()),
        operated.timeline().operationStarted(), operated.timeline().operationEnded(),
        latest(rs, r -> r.timeline().revoked()), finished);
  }

  private static Outcome outcome(List<ActivationRecord> rs, Optional<Faults.Fault> first) {
    if (first.isPresent()) {
      ElevationException e = first.get().error();
      if (e instanceof ActivationDeniedException denied) return denied.outcome();
      if (e.kind() == FailureKind.TIMED_OUT) return Outcome.TIMED_OUT;
      if (e.kind() == FailureKind.DENIED) return Outcome.DENIED;
      if (e.kind() == FailureKind.INTERRUPTED) return Outcome.CANCELLED;
      return Outcome.FAILED;
    }
    if (rs.stream().anyMatch(r -> r.outcome() == Outcome.IN_PROGRESS)) return Outcome.IN_PROGRESS;
    return rs.stream().allMatch(r -> r.outcome() == Outcome.DRY_RUN) ? Outcome.DRY_RUN : Outcome.SUCCEEDED;
  }

  /** The worst section's status; its latest expiry; a detail naming every target's status. */
  private static Revocation revocation(List<TargetSlot> slots, List<ActivationRecord> rs) {
    RevocationStatus status = PRECEDENCE.stream()
        .filter(s -> rs.stream().anyMatch(r -> r.revocation().status() == s)).findFirst().orElse(RevocationStatus.PENDING);
    Optional<Instant> expiry = latest(rs, r -> r.revocation().expiresAt().or(() -> r.window().grantedEnd()));
    String detail = slots.stream().map(s -> s.label + ": " + s.currentRecord().revocation().status()
        + s.currentRecord().revocation().detail().map(d -> " (" + d + ")").orElse(""))
        .collect(Collectors.joining("; "));
    boolean needsExpiry = status == RevocationStatus.FAILED || status == RevocationStatus.LEFT_TO_EXPIRE
        || status == RevocationStatus.PENDING;
    return new Revocation(status, needsExpiry ? expiry : Optional.empty(), Optional.of(detail));
  }

  /** The first failure, naming its target; the later ones, each naming theirs, as suppressed. */
  private static Failure failure(Faults.Fault first, Faults faults) {
    ElevationException e = first.error();
    List<String> suppressed = faults.all().stream().skip(1)
        .map(f -> f.slot().label + ": " + f.error().kind() + ": " + f.error().getMessage()).toList();
    return new Failure(e.kind(), e.azureErrorCode(), first.slot().label + ": " + e.getMessage(), e.azureRequestId(),
        suppressed);
  }

  private static Map<String, Object> operation(ActivationRecord operated, String operationName) {
    Object name = operated.operation().get("name");
    return name == null || "none".equals(name) ? Map.of("name", operationName) : operated.operation();
  }

  private static Optional<Exposure> exposure(List<ActivationRecord> rs) {
    List<Exposure> all = rs.stream().flatMap(r -> r.exposure().stream()).toList();
    return all.stream().max(Comparator.comparing(Exposure::accessMayPersistUntil)).map(widest -> new Exposure(
        all.stream().mapToInt(Exposure::tokensIssued).sum(),
        all.stream().flatMap(x -> x.latestTokenExpiry().stream()).max(Comparator.naturalOrder()),
        widest.maxAccessTokenLifetime(), widest.accessMayPersistUntil(), widest.explanation()));
  }

  private static TargetSection section(ActivationRecord r) {
    return new TargetSection(r.target(), r.requestIds(), r.outcome(), r.window(), r.timeline(), r.approval(),
        r.revocation(), r.error());
  }

  private static Optional<Instant> latest(List<ActivationRecord> rs, Function<ActivationRecord, Optional<Instant>> f) {
    return rs.stream().flatMap(r -> f.apply(r).stream()).max(Comparator.naturalOrder());
  }

  private static Optional<Instant> earliest(List<ActivationRecord> rs, Function<ActivationRecord, Optional<Instant>> f) {
    return rs.stream().flatMap(r -> f.apply(r).stream()).min(Comparator.naturalOrder());
  }
}
