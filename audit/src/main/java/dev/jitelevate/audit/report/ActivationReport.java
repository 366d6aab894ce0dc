package dev.jitelevate.audit.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregates of a set of activation records: what the HTML report draws and {@code --json} prints. Built
 * by {@link Reports}; immutable. Durations are in milliseconds, instants and days in UTC.
 *
 * @param records how many records were read
 * @param skipped the files that were not records, with the reason (never dropped silently)
 * @param firstRequested the earliest request, when there is any record
 * @param lastRequested the latest request, when there is any record
 * @param perDay elevations per day, counted by outcome, oldest day first
 * @param byRole elevations per role (or group), most first
 * @param byScope elevations per scope, most first
 * @param timeToProvisioned from the request to the service saying the role is provisioned
 * @param timeToEffective from the request to the access being verified effective
 * @param revocations how the elevations ended, by revocation status
 * @param exposure how long access may outlive revocation (records with an {@code exposure} section)
 * @param topRepositories elevations per repository ({@code ci.github.repository}), most first
 * @param topRequesters elevations per requester (CI actor, else the principal), most first
 * @param failures the failed, denied and timed-out elevations, newest first (at most {@link #FAILURE_ROWS})
 * @param failureCount how many there were in all
 */
public record ActivationReport(int records, List<SkippedFile> skipped, Optional<Instant> firstRequested,
    Optional<Instant> lastRequested, List<Day> perDay, List<Count> byRole, List<Count> byScope,
    Timing timeToProvisioned, Timing timeToEffective, List<Count> revocations, Timing exposure,
    List<Count> topRepositories, List<Count> topRequesters, List<FailureRow> failures, int failureCount) {

  /** How many failures the report lists; the count says how many there were. */
  public static final int FAILURE_ROWS = 500;
  /** How many entries the ranked lists keep (by role, by scope, repositories, requesters). */
  public static final int TOP = 15;

  public ActivationReport {
    skipped = List.copyOf(skipped);
    perDay = List.copyOf(perDay);
    byRole = List.copyOf(byRole);
    byScope = List.copyOf(byScope);
    revocations = List.copyOf(revocations);
    topRepositories = List.copyOf(topRepositories);
    topRequesters = List.copyOf(topRequesters);
    failures = List.copyOf(failures);
  }

  /** A name and how many elevations had it. */
  public record Count(String name, long count) {}

  /** One day's elevations by outcome name ({@code SUCCEEDED}, {@code FAILED}, …); only outcomes that occurred. */
  public record Day(LocalDate date, Map<String, Long> byOutcome) {
    public Day {
      byOutcome = Map.copyOf(byOutcome);
    }

    public long total() {
      return byOutcome.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * A distribution of durations: how many, nearest-rank p50 and p95, the maximum, and a histogram.
   * All zero (and no bins) when there were none.
   */
  public record Timing(long count, long p50Millis, long p95Millis, long maxMillis, List<Bin> histogram) {
    public Timing {
      histogram = List.copyOf(histogram);
    }
  }

  /** A histogram bin: durations d with {@code fromMillis <= d < toMillis}. */
  public record Bin(long fromMillis, long toMillis, long count) {}

  /** A file that was skipped, and why. */
  public record SkippedFile(String file, String reason) {}

  /** A failed elevation with what is needed to follow it up with Microsoft or the team: the request ids. */
  public record FailureRow(Instant requested, String outcome, String kind, Optional<String> code, String message,
      List<String> requestIds, Optional<String> azureRequestId, String target, String requester,
      Optional<String> repository, Optional<String> runUrl) {
    public FailureRow {
      requestIds = List.copyOf(requestIds);
    }
  }
}
