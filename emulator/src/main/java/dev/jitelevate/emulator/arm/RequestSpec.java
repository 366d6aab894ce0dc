package dev.jitelevate.emulator.arm;

import java.time.Duration;
import java.time.Instant;

/**
 * A schedule request as the caller sent it, parsed and validated, plus what the service derived from it.
 *
 * @param kind assignment or eligibility request
 * @param name GUID name from the URL
 * @param scope the scope from the URL
 * @param roleGuid role definition GUID
 * @param principalId target principal
 * @param principalType the principal's ARM type
 * @param requestType {@code SelfActivate}, {@code AdminAssign}, …
 * @param requestedStart {@code scheduleInfo.startDateTime} as sent, or null
 * @param expirationType {@code AfterDuration}, {@code AfterDateTime} or {@code NoExpiration}
 * @param duration {@code expiration.duration} as sent, or null
 * @param requestedEnd {@code expiration.endDateTime} as sent, or null
 * @param justification free text, may be null
 * @param ticketNumber ticket number, may be null
 * @param ticketSystem ticket system, may be null
 * @param condition ABAC condition, may be null
 * @param conditionVersion ABAC condition version, may be null
 * @param linkedEligibilityScheduleId as sent, may be null
 * @param requestorId the caller's object id
 * @param createdOn when the service received it
 * @param start effective start
 * @param end effective end, or null when it never expires
 */
record RequestSpec(
    RequestKind kind,
    String name,
    ArmScope scope,
    String roleGuid,
    String principalId,
    String principalType,
    String requestType,
    Instant requestedStart,
    String expirationType,
    String duration,
    Instant requestedEnd,
    String justification,
    String ticketNumber,
    String ticketSystem,
    String condition,
    String conditionVersion,
    String linkedEligibilityScheduleId,
    String requestorId,
    Instant createdOn,
    Instant start,
    Instant end) {

  /** The requested length of the assignment, or null when it never expires. */
  Duration length() {
    return end == null ? null : Duration.between(start, end);
  }

  boolean isRemoval() {
    return requestType.equals("AdminRemove") || requestType.equals("SelfDeactivate");
  }

  boolean isSelf() {
    return requestType.startsWith("Self");
  }
}
