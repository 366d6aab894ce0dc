package dev.jitelevate.core.internal.gateway;

import java.time.Instant;
import java.util.Optional;

/**
 * An active schedule instance (or a plain role assignment, for rbac).
 *
 * @param id the instance id (or role assignment id)
 * @param assignmentType {@code Activated} or {@code Assigned} (or {@code RoleAssignment})
 * @param start when it started
 * @param end when it expires, empty when permanent
 * @param requestId the schedule request behind it, when known
 * @param description the role assignment's description (rbac marker), when any
 */
public record ActiveInstance(String id, String assignmentType, Instant start, Optional<Instant> end,
    Optional<String> requestId, Optional<String> description) {}
