package dev.jitelevate.core.it.faults;

import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.ActiveAssignment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The invariants every fault scenario must keep, checked against the emulator after the run: nothing the run
 * created is still active unless the record says it was left to expire (and then no later than it says, and
 * no later than the requested duration allows); the record's outcome and error agree with the failure.
 */
final class Aftermath {
  private Aftermath() {}

  /** Every broken invariant, described; empty when the run kept them all. */
  static List<String> violations(PimEmulator emulator, ElevationOutcome outcome) {
    List<String> problems = new ArrayList<>();
    ActivationRecord record = outcome.record();
    leftovers(emulator.leaks(), record, problems);
    Optional<ElevationException> failure = outcome.failure();
    boolean succeeded = record.outcome() == ActivationRecord.Outcome.SUCCEEDED;
    if (failure.isEmpty() != succeeded) {
      problems.add("outcome " + record.outcome() + " but failure " + failure.map(ElevationException::kind));
    }
    failure.ifPresent(f -> {
      if (!record.error().map(e -> e.kind() == f.kind()).orElse(false)) {
        problems.add("the record's error " + record.error().map(ActivationRecord.Failure::kind) + " is not " + f.kind());
      }
    });
    return problems;
  }

  /** Leftover assignments are allowed only when the record says so, and only until the expiry it gives. */
  static void leftovers(List<ActiveAssignment> leaks, ActivationRecord record, List<String> problems) {
    RevocationStatus status = record.revocation().status();
    boolean admitsLeftover = status == RevocationStatus.LEFT_TO_EXPIRE || status == RevocationStatus.FAILED;
    if (!admitsLeftover) {
      leaks.forEach(l -> problems.add("still active although the record says " + status + ": " + describe(l)));
      return;
    }
    Optional<Instant> expiresAt = record.revocation().expiresAt();
    if (expiresAt.isEmpty()) {
      problems.add("the record says " + status + " without the time it expires");
      return;
    }
    if (!record.revocation().detail().orElse("").contains(expiresAt.get().toString())) {
      problems.add("the revocation detail does not say when it expires: " + record.revocation().detail().orElse(""));
    }
    boolean swept = record.strategy() == Strategy.RBAC;
    if (swept && !record.revocation().detail().orElse("").contains("sweep")) {
      problems.add("an rbac assignment was left without saying that only the sweep removes it");
    }
    for (ActiveAssignment leak : leaks) {
      if (swept && leak.end() == null) {
        continue; // plain role assignments never expire: the sweep is the backstop, proven by the caller
      }
      boundedBy(leak, expiresAt.get(), record.window().requested(), problems);
    }
  }

  /** A leftover ends by itself, no later than the given expiry and its start plus the requested duration. */
  static void boundedBy(ActiveAssignment leak, Instant expiresAt, Duration requested, List<String> problems) {
    if (leak.end() == null) {
      problems.add("left active with no server-side expiry: " + describe(leak));
    } else if (leak.end().isAfter(expiresAt)) {
      problems.add("ends at " + leak.end() + ", after the recorded " + expiresAt + ": " + describe(leak));
    } else if (leak.end().isAfter(leak.start().plus(requested))) {
      problems.add("ends at " + leak.end() + ", later than start + " + requested + ": " + describe(leak));
    }
  }

  static String describe(ActiveAssignment a) {
    return a.surface() + " " + a.principalId() + " " + a.role() + " at " + a.scope() + " (" + a.assignmentType()
        + ", " + a.start() + " .. " + a.end() + ")";
  }
}
