package dev.jitelevate.pimconfig;

import java.time.Instant;
import java.util.Optional;

/**
 * An assignment as the tenant holds it: a PIM schedule (eligibility, or an active assignment made by an admin;
 * activations are not configuration and are left out).
 *
 * @param roleDefinitionId the full ARM id of the role definition at the scope
 */
record LiveAssignment(AssignmentKind kind, String principalId, String principalType, String roleDefinitionId,
    String roleGuid, String roleName, String scope, Instant start, Optional<Instant> end) {

  String key() {
    return Planner.key(kind, principalId, roleGuid, scope);
  }
}
