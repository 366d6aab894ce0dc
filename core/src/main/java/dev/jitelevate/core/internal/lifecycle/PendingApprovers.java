package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.StatusReport;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.PendingRequestView;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A principal's requests waiting for approval on one surface, each with the approvers of the policy in force for
 * its target (named when the directory can be read). A policy or name that cannot be read leaves the list short,
 * never the status failed.
 */
final class PendingApprovers {
  private final AccessSurface surface;
  private final Map<String, String> names = new HashMap<>();

  PendingApprovers(AccessSurface surface) {
    this.surface = surface;
  }

  /** The principal's pending requests with their approvers; empty when the surface cannot list requests. */
  java.util.Optional<List<StatusReport.Pending>> of(PrincipalId principal) {
    return surface.pendingRequests(principal).map(list -> list.stream().map(this::pending).toList());
  }

  private StatusReport.Pending pending(PendingRequestView r) {
    String roleId = r.target().groupAccess().map(a -> a.wireValue())
        .orElseGet(() -> r.target().roleDefinitionId().orElse(""));
    return new StatusReport.Pending(Lifecycle.surfaceOf(r.target().surface()).wireValue(), r.target().roleName(),
        roleId, r.target().scope(), r.requestId(), r.duration(), r.created(), approvers(r));
  }

  private List<String> approvers(PendingRequestView r) {
    try {
      return surface.policy(r.target()).approverIds().stream().map(this::named).toList();
    } catch (ElevationException e) {
      return List.of();
    }
  }

  private String named(String id) {
    return names.computeIfAbsent(id, key -> {
      try {
        return surface.principal(new PrincipalId(key)).map(PrincipalInfo::displayName)
            .map(n -> n + " (" + key + ")").orElse(key);
      } catch (ElevationException | IllegalArgumentException e) {
        return key;
      }
    });
  }
}
