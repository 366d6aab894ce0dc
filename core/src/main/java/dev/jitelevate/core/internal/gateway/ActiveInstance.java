package dev.jitelevate.core.internal.gateway;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An active schedule instance (or a plain role assignment, for rbac).
 *
 * @param id the instance id (or role assignment id)
 * @param assignmentType activated, assigned (or a plain role assignment)
 * @param start when it started
 * @param end when it expires, empty when permanent
 * @param requestId the schedule request behind it, when known
 * @param description the role assignment's description (rbac marker), when any
 */
public record ActiveInstance(String id, AssignmentType assignmentType, Instant start, Optional<Instant> end,
    Optional<String> requestId, Optional<String> description) {

  public ActiveInstance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(assignmentType, "assignmentType");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(description, "description");
  }

  /** Whether it is in force at {@code now}: started (within {@code skew}) and not yet ended. */
  public boolean covers(Instant now) {
    return !start.isAfter(now) && end.map(now::isBefore).orElse(true);
  }
}
