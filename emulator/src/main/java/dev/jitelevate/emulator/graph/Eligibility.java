package dev.jitelevate.emulator.graph;

import java.time.Instant;

/**
 * An eligibility (what a principal may activate).
 *
 * @param id instance id
 * @param scheduleId eligibility schedule id (a GUID)
 * @param principalId who is eligible
 * @param target role or group access
 * @param start start
 * @param end end, or null when permanent
 * @param requestId the request that created it, or null for the scenario's
 * @param createdAt when it was created
 */
record Eligibility(String id, String scheduleId, String principalId, PimTarget target, Instant start, Instant end,
    String requestId, Instant createdAt) {

  boolean activeAt(Instant now) {
    return (start == null || !start.isAfter(now)) && (end == null || end.isAfter(now));
  }

  Eligibility withEnd(Instant newEnd) {
    return new Eligibility(id, scheduleId, principalId, target, start, newEnd, requestId, createdAt);
  }
}
