package dev.jitelevate.emulator.kernel;

import java.time.Instant;

/**
 * One active privilege as the leak detector sees it.
 *
 * @param surface {@code arm}, {@code arm-rbac} (plain role assignment), {@code directory} or {@code group}
 * @param principalId who holds it
 * @param role role definition id (ARM full id or directory template id) or, for groups, {@code member}/{@code owner}
 * @param scope ARM scope, directory scope id, or group id
 * @param assignmentType {@code Activated} (PIM activation), {@code Assigned} (PIM time-bound or permanent active
 *     assignment) or {@code RoleAssignment} (plain RBAC)
 * @param start when it became active
 * @param end server-side expiry, or null when it never expires
 * @param requestId the schedule request that created it, or null for standing ones from the scenario
 * @param fromScenario true when the scenario created it (standing access, not a leak)
 */
public record ActiveAssignment(
    String surface,
    String principalId,
    String role,
    String scope,
    String assignmentType,
    Instant start,
    Instant end,
    String requestId,
    boolean fromScenario) {}
