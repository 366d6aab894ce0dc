package dev.jitelevate.core.internal.lifecycle;

/**
 * The steps of a run whose time the record's timeline keeps, one field of
 * {@link dev.jitelevate.core.ActivationRecord.Timeline} each: a typo cannot drop a timestamp.
 */
enum Milestone {
  REQUESTED, SUBMITTED, APPROVED, PROVISIONED, VERIFIED, OPERATION_STARTED, OPERATION_ENDED, REVOKED, FINISHED
}
