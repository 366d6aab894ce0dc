package dev.jitelevate.emulator.arm;

import java.time.Instant;

/**
 * A role assignment ({@code Microsoft.Authorization/roleAssignments}): standing from the scenario, created
 * through the API, or created by PIM when a schedule request is provisioned.
 *
 * @param name GUID name
 * @param scope where it applies
 * @param roleGuid the role definition's GUID
 * @param principalId who holds it
 * @param principalType {@code User}, {@code Group} or {@code ServicePrincipal}
 * @param description free text, may be null
 * @param condition ABAC condition, may be null
 * @param conditionVersion ABAC condition version, may be null
 * @param createdOn when it came into existence (propagation is measured from here)
 * @param createdBy object id of the creator, null for scenario assignments
 * @param fromScenario true for standing scenario access (already propagated)
 * @param scheduleName the PIM assignment schedule that owns it, or null for a plain assignment
 */
record RoleAssignment(
    String name,
    ArmScope scope,
    String roleGuid,
    String principalId,
    String principalType,
    String description,
    String condition,
    String conditionVersion,
    Instant createdOn,
    String createdBy,
    boolean fromScenario,
    String scheduleName) {

  String id() {
    return scope.prefix() + "/providers/Microsoft.Authorization/roleAssignments/" + name;
  }

  RoleAssignment withDescription(String updated) {
    return new RoleAssignment(name, scope, roleGuid, principalId, principalType, updated, condition, conditionVersion,
        createdOn, createdBy, fromScenario, scheduleName);
  }
}
