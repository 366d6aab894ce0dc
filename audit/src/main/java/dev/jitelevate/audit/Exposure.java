package dev.jitelevate.audit;

import dev.jitelevate.core.ActivationRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A record's optional {@code exposure} section (schema 1.2) as the report uses it: how long access may outlive
 * the elevation because tokens issued while it was active stay valid until they expire. Never holds a token.
 *
 * @param accessMayPersistUntil the latest moment a token obtained during the window may still work
 * @param tokensIssued how many tokens the run obtained for the elevated identity, when recorded
 * @param latestTokenExpiry the latest {@code exp} among them, when recorded
 */
public record Exposure(Instant accessMayPersistUntil, OptionalInt tokensIssued, Optional<Instant> latestTokenExpiry) {
  /** The record's section; empty when the record has none (before 1.2, or nothing became active). */
  static Optional<Exposure> of(ActivationRecord record) {
    return record.exposure().map(e -> new Exposure(e.accessMayPersistUntil(), OptionalInt.of(e.tokensIssued()),
        e.latestTokenExpiry()));
  }
}
