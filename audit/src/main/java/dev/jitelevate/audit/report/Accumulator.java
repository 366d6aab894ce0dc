package dev.jitelevate.audit.report;

import dev.jitelevate.audit.Records;
import dev.jitelevate.audit.report.ActivationReport.Count;
import dev.jitelevate.audit.report.ActivationReport.Day;
import dev.jitelevate.audit.report.ActivationReport.FailureRow;
import dev.jitelevate.audit.report.ActivationReport.SkippedFile;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The mutable side of {@link Reports}: one per thread, filled record by record, merged, then finished into an
 * immutable {@link ActivationReport}. Not thread-safe.
 */
final class Accumulator {
  private static final Comparator<FailureRow> NEWEST_FIRST =
      Comparator.comparing(FailureRow::requested).reversed().thenComparing(FailureRow::message);

  private int records;
  private final List<SkippedFile> skipped = new ArrayList<>();
  private Instant first;
  private Instant last;
  private final Map<LocalDate, Map<String, Long>> perDay = new TreeMap<>();
  private final Map<String, Long> byRole = new HashMap<>();
  private final Map<String, Long> byScope = new HashMap<>();
  private final Timings provisioned = new Timings();
  private final Timings effective = new Timings();
  private final Map<String, Long> revocations = new HashMap<>();
  private final Timings exposure = new Timings();
  private final Map<String, Long> repositories = new HashMap<>();
  private final Map<String, Long> requesters = new HashMap<>();
  private final List<FailureRow> failures = new ArrayList<>();
  private int failureCount;

  void add(Records.Result result) {
    if (result instanceof Records.Loaded loaded) {
      add(loaded);
    } else {
      Records.Skipped s = (Records.Skipped) result;
      skipped.add(new SkippedFile(s.file().toString(), s.reason()));
    }
  }

  private void add(Records.Loaded loaded) {
    ActivationRecord r = loaded.record();
    Instant requested = r.timeline().requested();
    records++;
    first = first == null || requested.isBefore(first) ? requested : first;
    last = last == null || requested.isAfter(last) ? requested : last;
    perDay.computeIfAbsent(LocalDate.ofInstant(requested, ZoneOffset.UTC), d -> new TreeMap<>())
        .merge(r.outcome().name(), 1L, Long::sum);
    byRole.merge(RecordFacts.role(r), 1L, Long::sum);
    byScope.merge(r.target().scope(), 1L, Long::sum);
    r.timeline().provisioned().ifPresent(t -> provisioned.add(Duration.between(requested, t).toMillis()));
    r.timeline().verified().ifPresent(t -> effective.add(Duration.between(requested, t).toMillis()));
    revocations.merge(r.revocation().status().name(), 1L, Long::sum);
    loaded.exposure().ifPresent(e -> exposure.add(
        Duration.between(RecordFacts.accessEnded(r), e.accessMayPersistUntil()).toMillis()));
    RecordFacts.repository(r).ifPresent(repo -> repositories.merge(repo, 1L, Long::sum));
    requesters.merge(RecordFacts.requester(r), 1L, Long::sum);
    if (isFailure(r.outcome())) {
      failureCount++;
      failures.add(RecordFacts.failureRow(r));
      if (failures.size() > 2 * ActivationReport.FAILURE_ROWS) {
        trimFailures();
      }
    }
  }

  Accumulator merge(Accumulator o) {
    records += o.records;
    skipped.addAll(o.skipped);
    first = first == null || (o.first != null && o.first.isBefore(first)) ? o.first : first;
    last = last == null || (o.last != null && o.last.isAfter(last)) ? o.last : last;
    o.perDay.forEach((day, counts) -> counts.forEach((outcome, n) ->
        perDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(outcome, n, Long::sum)));
    mergeCounts(byRole, o.byRole);
    mergeCounts(byScope, o.byScope);
    provisioned.addAll(o.provisioned);
    effective.addAll(o.effective);
    mergeCounts(revocations, o.revocations);
    exposure.addAll(o.exposure);
    mergeCounts(repositories, o.repositories);
    mergeCounts(requesters, o.requesters);
    failures.addAll(o.failures);
    failureCount += o.failureCount;
    trimFailures();
    return this;
  }

  ActivationReport finish() {
    trimFailures();
    skipped.sort(Comparator.comparing(SkippedFile::file));
    List<Day> days = perDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
    return new ActivationReport(records, skipped, Optional.ofNullable(first), Optional.ofNullable(last), days,
        top(byRole), top(byScope), provisioned.summary(), effective.summary(), top(revocations),
        exposure.summary(), top(repositories), top(requesters), failures, failureCount);
  }

  static boolean isFailure(Outcome outcome) {
    return outcome == Outcome.FAILED || outcome == Outcome.DENIED || outcome == Outcome.TIMED_OUT;
  }

  private void trimFailures() {
    failures.sort(NEWEST_FIRST);
    if (failures.size() > ActivationReport.FAILURE_ROWS) {
      failures.subList(ActivationReport.FAILURE_ROWS, failures.size()).clear();
    }
  }

  private static void mergeCounts(Map<String, Long> into, Map<String, Long> from) {
    from.forEach((k, v) -> into.merge(k, v, Long::sum));
  }

  /** The most frequent names first (ties by name), at most {@link ActivationReport#TOP}. */
  private static List<Count> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(ActivationReport.TOP)
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }
}
