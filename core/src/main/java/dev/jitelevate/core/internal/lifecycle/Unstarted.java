package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import java.util.Optional;

/** The outcome of a run refused before any surface could be opened (e.g. the broker credential is missing). */
final class Unstarted {
  private Unstarted() {}

  static ElevationOutcome outcome(ElevatorConfig config, ElevationRequest request, String operation, ElevationException e) {
    RecordBuilder record = new RecordBuilder(request, config.clock().instant(), operation);
    record.revocation(RevocationStatus.NOT_CREATED, null, "Nothing was submitted.");
    record.at(Milestone.FINISHED, config.clock().instant());
    record.fail(e);
    return new ElevationOutcome(record.build(), Optional.of(e.attachRecord(record.build())));
  }
}
