package dev.jitelevate.bench;

import dev.jitelevate.emulator.server.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the emulator's journal says about one elevation (the journal holding only its requests): when the
 * state changed (the AdminAssign request's arrival + P = provisioned, + Q more = effective, as the emulator
 * computes it) and when the client took its next step after each change, i.e. its first request that is not
 * one more poll of the phase it was in.
 *
 * @param requests every request of the elevation (token requests included)
 * @param provisionedLagMs provisioned -> the client's first request of the next step
 * @param effectiveLagMs effective -> the client's first request after verification (the revoke)
 * @param polls requests spent polling from the submit to the revoke (request reads, permission checks, tokens for them)
 * @param pollSeconds the time those polls were spread over
 * @param first the first request's arrival
 * @param submitted the AdminAssign request's arrival
 */
record Timeline(int requests, double provisionedLagMs, double effectiveLagMs, int polls, double pollSeconds,
    Instant first, Instant submitted) {

  static Optional<Timeline> of(List<JournalEntry> journal, Duration p, Duration q) {
    Optional<JournalEntry> assign = journal.stream().filter(Timeline::isScheduleRequestPut).findFirst();
    if (assign.isEmpty()) {
      return Optional.empty();
    }
    String requestPath = assign.get().path();
    Instant provisioned = assign.get().at().plus(p);
    Instant effective = provisioned.plus(q);
    Optional<JournalEntry> afterProvisioned = journal.stream()
        .filter(e -> e.at().isAfter(provisioned) && !isPollOf(e, requestPath)).findFirst();
    Optional<JournalEntry> afterEffective = journal.stream()
        .filter(e -> e.at().isAfter(effective) && !isPollOf(e, requestPath) && !isVerification(e)).findFirst();
    if (afterProvisioned.isEmpty() || afterEffective.isEmpty()) {
      return Optional.empty();
    }
    Instant end = afterEffective.get().at();
    int polls = (int) journal.stream().filter(e -> e.at().isAfter(assign.get().at()) && e.at().isBefore(end))
        .filter(e -> isPollOf(e, requestPath) || isVerification(e)).count();
    return Optional.of(new Timeline(journal.size(), millis(provisioned, afterProvisioned.get().at()),
        millis(effective, end), polls, millis(assign.get().at(), end) / 1000.0, journal.get(0).at(), assign.get().at()));
  }

  /** From the first request to the AdminAssign request: the lookups before the submit. */
  double firstToSubmitMs() {
    return millis(first, submitted);
  }

  /** Polls per second per elevation between the submit and the revoke. */
  double pollRate() {
    return pollSeconds <= 0 ? 0 : polls / pollSeconds;
  }

  static boolean isScheduleRequestPut(JournalEntry e) {
    return e.method().equals("PUT") && e.path().contains("roleAssignmentScheduleRequests/") && e.status() / 100 == 2;
  }

  private static boolean isPollOf(JournalEntry e, String requestPath) {
    return e.method().equals("GET") && e.path().equals(requestPath);
  }

  /** A permission check or the token request that precedes it. */
  static boolean isVerification(JournalEntry e) {
    return (e.method().equals("GET") && e.path().toLowerCase().endsWith("/permissions")) || e.surface().equals("entra");
  }

  private static double millis(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }
}
