package dev.jitelevate.core;

import java.util.Optional;

/** The result of {@link Elevator#run}: the record, and the first failure if any (later ones are suppressed in it). */
public record ElevationOutcome(ActivationRecord record, Optional<ElevationException> failure) {
  public boolean succeeded() {
    return failure.isEmpty();
  }
}
