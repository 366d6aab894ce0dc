package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.UnifiedRoleManagementPolicyAssignment;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import java.util.List;

/** Reads the policy assigned to a directory role or a group's access ({@code /policies/roleManagementPolicyAssignments}). */
final class Policies {
  private Policies() {}

  /**
   * The policy behind the assignment that matches the filter, with its rules expanded.
   *
   * @param admin read the admin-side enablement rules (the caller assigns) instead of the end user's (it activates)
   */
  static EffectivePolicy read(GraphServiceClient graph, GraphCalls calls, String filter, String what, boolean admin) {
    var list = graph.policies().roleManagementPolicyAssignments();
    List<UnifiedRoleManagementPolicyAssignment> found = calls.call("roleManagementPolicyAssignments.list",
        () -> GraphPages.all(list.get(rc -> {
          rc.queryParameters.filter = filter;
          rc.queryParameters.expand = new String[] {"policy($expand=rules)"};
        }), p -> p.getValue(), link -> list.withUrl(link).get()));
    if (found.isEmpty() || found.get(0).getPolicy() == null) {
      throw new ElevationException(FailureKind.INVALID_REQUEST, "No PIM policy is assigned to " + what
          + ": PIM cannot manage it. Check that the role or group is managed by PIM.");
    }
    return PolicyReader.read(found.get(0).getPolicy(), admin);
  }
}
