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

  /** A PATCH of the changed rules of one policy. */
  record PolicyPatch(Change change, String policyId, List<JsonNode> rules) implements Step {}
}
