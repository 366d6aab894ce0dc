package dev.jitelevate.emulator.arm;

import java.time.Instant;

/**
 * A PIM schedule with its single instance: an eligibility or an active (activated or assigned) assignment.
 *
 * @param kind eligibility or assignment
 * @param name the schedule's GUID name
 * @param instanceName the instance's GUID name (for assignments, the role assignment's name)
 * @param scope where it applies
 * @param roleGuid role definition GUID
 * @param principalId who holds it
 * @param principalType ARM principal type
 * @param assignmentType {@code Activated} or {@code Assigned} for assignments, null for eligibilities
 * @param start when it starts
 * @param end when it ends, or null for never
 * @param requestName the schedule request that created it, or null for scenario ones
 * @param linkedEligibilityName the eligibility schedule an activation used, or null
 * @param linkedEligibilityInstanceName the eligibility instance an activation used, or null
 * @param createdOn when it was created
 * @param fromScenario true when the scenario created it
 * @param condition ABAC condition, may be null
 * @param conditionVersion ABAC condition version, may be null
 */
record PimSchedule(
    RequestKind kind,
    String name,
    String instanceName,
    ArmScope scope,
    String roleGuid,
    String principalId,
    String principalType,
    String assignmentType,
    Instant start,
    Instant end,
    String requestName,
    String linkedEligibilityName,
    String linkedEligibilityInstanceName,
    Instant createdOn,
    boolean fromScenario,
    String condition,
    String conditionVersion) {

  boolean activeAt(Instant now) {
    return !start.isAfter(now) && (end == null || end.isAfter(now));
  }

  boolean matches(String principal, String role, ArmScope at) {
    return principalId.equalsIgnoreCase(principal) && roleGuid.equalsIgnoreCase(role) && scope.sameAs(at);
  }
}
