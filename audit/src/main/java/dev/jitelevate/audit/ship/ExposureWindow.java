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
    ActivationRecord.RevocationStatus status = r.revocation().status();
    if (status == ActivationRecord.RevocationStatus.NOT_CREATED || status == ActivationRecord.RevocationStatus.PRE_EXISTING) {
      return Optional.empty();
    }
    Optional<Instant> start = r.timeline().provisioned().or(() -> r.window().grantedStart());
    Optional<Instant> end = status == ActivationRecord.RevocationStatus.REVOKED
        ? r.timeline().revoked().or(() -> r.timeline().finished())
        : r.revocation().expiresAt().or(() -> r.window().grantedEnd());
    if (start.isEmpty() || end.isEmpty() || end.get().isBefore(start.get())) {
      return Optional.empty();
    }
    return Optional.of(new ExposureWindow(start.get(), end.get()));
  }
}
