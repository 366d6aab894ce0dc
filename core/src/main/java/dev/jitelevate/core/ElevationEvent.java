package dev.jitelevate.core;

import java.time.Duration;
import java.time.Instant;

/** What the lifecycle reports while it runs. The core never prints: listeners render these. */
public sealed interface ElevationEvent {

  /** When it happened. */
  Instant at();

  /** A named step began ({@code resolve}, {@code precheck}, {@code submit}, {@code await}, {@code confirm}, {@code verify}, {@code perform}, {@code revoke}, {@code record}). */
  record StepStarted(Instant at, String step, String detail) implements ElevationEvent {}

  /**
   * The record was completed (after the revoke, also when the shutdown hook released the run): a caller that
   * cannot wait for the return value (its process is being terminated) writes it from here.
   */
  record Recorded(Instant at, ActivationRecord record) implements ElevationEvent {}

  /** A named step ended. */
  record StepFinished(Instant at, String step, Duration took, boolean succeeded, String detail) implements ElevationEvent {}

  /** Still waiting (for approval, provisioning or propagation), with how long so far and the deadline. */
  record Waiting(Instant at, String step, String status, Duration elapsed, Instant deadline) implements ElevationEvent {}

  /** A call failed transiently and will be retried. */
  record Retrying(Instant at, String call, int attempt, Duration delay, String reason) implements ElevationEvent {}

  /** A value that must be masked from now on. {@link #toString()} never shows it. */
  record SecretRegistered(Instant at, String value) implements ElevationEvent {
    @Override
    public String toString() {
      return "SecretRegistered[at=" + at + ", value=***]";
    }
  }

  /**
   * The operation changed its result (a version written, a validation decided): the record so far, for a
   * caller that saves it for another process (the Action's post step) before the next step can be killed.
   */
  record OperationProgress(Instant at, ActivationRecord record) implements ElevationEvent {}

  /**
   * The request was submitted: what is needed to revoke it from another process from now on, and the record
   * so far. The access may not be active yet; revoking such a handle cancels or removes whatever it became.
   */
  record Submitted(Instant at, RevocationHandle handle, ActivationRecord record) implements ElevationEvent {}

  /**
   * The process is shutting down (SIGTERM/SIGINT: a cancelled job): the running operation was stopped, the
   * elevation revoked and the record completed, which says so.
   */
  record Interrupted(Instant at, ActivationRecord record) implements ElevationEvent {}

  /** Something worth telling a person (e.g. "left to expire at T"). */
  record Notice(Instant at, Level level, String message) implements ElevationEvent {}

  /** How much a {@link Notice} matters. */
  enum Level {
    /** For the log: what happened. */
    INFO,
    /** For the person: something to look at (a leftover, a skipped check). */
    WARNING
  }
}
