package dev.jitelevate.core.internal.gateway;

import java.util.Locale;

/** A schedule request's status, parsed once at the JSON boundary (ARM's 22 values; Graph uses a subset). */
public enum RequestStatus {
  ACCEPTED, PENDING_EVALUATION, GRANTED, DENIED, PENDING_PROVISIONING, PROVISIONED, PENDING_REVOCATION, REVOKED,
  CANCELED, FAILED, PENDING_APPROVAL_PROVISIONING, PENDING_APPROVAL, FAILED_AS_RESOURCE_IS_LOCKED,
  PENDING_ADMIN_DECISION, ADMIN_APPROVED, ADMIN_DENIED, TIMED_OUT, PROVISIONING_STARTED, INVALID,
  PENDING_SCHEDULE_CREATION, SCHEDULE_CREATED, PENDING_EXTERNAL_PROVISIONING,
  /** A value this version does not know; the raw text is kept in {@link ScheduleRequestView#rawStatus()}. */
  UNKNOWN;

  /** Parses {@code PendingApproval} / {@code pendingApproval} / {@code PENDING_APPROVAL}. */
  public static RequestStatus parse(String raw) {
    if (raw == null) return UNKNOWN;
    String key = raw.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    for (RequestStatus s : values()) {
      if (s.name().equals(key)) return s;
    }
    return UNKNOWN;
  }

  /** Still moving: keep polling. */
  public boolean isPending() {
    switch (this) {
      case ACCEPTED: case PENDING_EVALUATION: case GRANTED: case PENDING_PROVISIONING: case PENDING_APPROVAL_PROVISIONING:
      case PENDING_APPROVAL: case PENDING_ADMIN_DECISION: case ADMIN_APPROVED: case PROVISIONING_STARTED:
      case PENDING_SCHEDULE_CREATION: case SCHEDULE_CREATED: case PENDING_EXTERNAL_PROVISIONING: case PENDING_REVOCATION:
        return true;
      default:
        return false;
    }
  }

  /** Waiting for a person. */
  public boolean isAwaitingApproval() {
    return this == PENDING_APPROVAL || this == PENDING_APPROVAL_PROVISIONING || this == PENDING_ADMIN_DECISION;
  }
}
