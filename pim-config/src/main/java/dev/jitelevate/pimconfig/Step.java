package dev.jitelevate.pimconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** How apply carries out one change: a schedule request, or a policy PATCH. */
sealed interface Step {
  Change change();

  /**
   * A schedule request: {@code AdminAssign}, {@code AdminUpdate} or {@code AdminRemove}.
   *
   * @param liveStart when the live assignment began (removals: PIM refuses them within its minimum duration)
   */
  record Request(Change change, AssignmentKind kind, String requestType, Principal principal, String roleDefinitionId,
      String scope, Optional<Instant> end, Optional<Duration> duration, Optional<Instant> liveStart) implements Step {}

  /**
   * A Graph schedule request for a directory role or a group: {@code adminAssign}, {@code adminUpdate} or
   * {@code adminRemove}.
   *
   * @param targetId the directory role's id or the group's id
   * @param scope the directory scope id, or the group access ({@code member} / {@code owner})
   */
  record GraphRequest(Change change, AssignmentKind kind, String action, Principal principal, String targetId,
      String scope, Optional<Instant> end, Optional<Duration> duration, Optional<Instant> liveStart) implements Step {}

  /** A PATCH of the changed rules of one policy (ARM: one call; Graph: one call per rule). */
  record PolicyPatch(Change change, String policyId, List<JsonNode> rules) implements Step {}
}
