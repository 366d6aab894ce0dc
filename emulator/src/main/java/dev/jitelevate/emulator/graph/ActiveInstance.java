package dev.jitelevate.emulator.graph;

import java.time.Instant;

/**
 * An active assignment instance (directory role or group membership/ownership).
 *
 * @param id instance id (directory: opaque {@code …-1}; groups: {@code {groupId}_{accessId}_{guid}})
 * @param scheduleId the schedule it belongs to
 * @param principalId who holds it
 * @param target role or group access
 * @param assignmentType {@code Activated} or {@code Assigned}
 * @param start start, or null for standing assignments
 * @param end server-side expiry, or null when permanent
 * @param requestId the schedule request that created it, or null for the scenario's standing ones
 * @param fromScenario whether the scenario created it
 * @param createdAt when the schedule was created
 */
record ActiveInstance(String id, String scheduleId, String principalId, PimTarget target, String assignmentType,
    Instant start, Instant end, String requestId, boolean fromScenario, Instant createdAt) {

  boolean expiredAt(Instant now) {
    return end != null && !end.isAfter(now);
  }

  ActiveInstance withEnd(Instant newEnd) {
    return new ActiveInstance(id, scheduleId, principalId, target, assignmentType, start, newEnd, requestId,
        fromScenario, createdAt);
  }
}
