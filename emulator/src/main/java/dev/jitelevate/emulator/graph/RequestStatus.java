package dev.jitelevate.emulator.graph;

import java.util.Set;

/** The request statuses Graph documents (PascalCase on the wire). */
final class RequestStatus {
  static final String PROVISIONED = "Provisioned";
  static final String GRANTED = "Granted";
  static final String PENDING_PROVISIONING = "PendingProvisioning";
  static final String PENDING_APPROVAL = "PendingApproval";
  static final String CANCELED = "Canceled";
  static final String DENIED = "Denied";
  static final String REVOKED = "Revoked";

  /** Statuses from which a request may still be canceled and that block a duplicate request. */
  static final Set<String> PENDING = Set.of(GRANTED, PENDING_PROVISIONING, PENDING_APPROVAL, "PendingAdminDecision",
      "PendingScheduleCreation");

  private RequestStatus() {}
}
