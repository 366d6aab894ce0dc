package dev.jitelevate.emulator.arm;

import java.time.Instant;

/**
 * A persisted schedule request and where it is in its life cycle.
 *
 * @param spec what was asked
 * @param status the ARM status ({@code PendingApproval}, {@code Accepted}, {@code Provisioned}, {@code Denied}, …)
 * @param approvalId the approval's GUID when approval is required, else null
 * @param readyAt when an accepted request becomes provisioned, null when not accepted
 * @param targetScheduleName the schedule it created or removed
 * @param targetInstanceName the instance it created or removed, null until provisioned
 */
record ScheduleRequest(
    RequestSpec spec, String status, String approvalId, Instant readyAt, String targetScheduleName, String targetInstanceName) {

  ScheduleRequest withStatus(String updated) {
    return new ScheduleRequest(spec, updated, approvalId, readyAt, targetScheduleName, targetInstanceName);
  }

  ScheduleRequest accepted(Instant ready) {
    return new ScheduleRequest(spec, "Accepted", approvalId, ready, targetScheduleName, targetInstanceName);
  }

  ScheduleRequest provisioned(String instanceName) {
    return new ScheduleRequest(spec, "Provisioned", approvalId, readyAt, targetScheduleName, instanceName);
  }

  boolean isPending() {
    return status.equals("PendingApproval") || status.equals("Accepted");
  }
}
