package dev.jitelevate.audit.ship;

import dev.jitelevate.core.ActivationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a record's privilege was usable, as far as the record knows: from provisioning (else the granted start)
 * to revocation (else the server-side expiry). Absent when nothing became active or the grant was not this
 * run's ({@code NOT_CREATED}, {@code PRE_EXISTING}) or an end is unknown.
 */
record ExposureWindow(Instant start, Instant end) {

  Duration length() {
    return Duration.between(start, end);
  }

  static Optional<ExposureWindow> of(ActivationRecord r) {
    Optional<Instant> start = r.accessStart();
    Optional<Instant> end = r.accessEnd();
    if (start.isEmpty() || end.isEmpty() || end.get().isBefore(start.get())) {
      return Optional.empty();
    }
    return Optional.of(new ExposureWindow(start.get(), end.get()));
  }
}
