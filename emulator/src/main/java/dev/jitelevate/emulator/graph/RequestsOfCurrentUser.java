package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * {@code filterByCurrentUser(on=…)} on schedule requests. PIM for Groups supports {@code principal},
 * {@code createdBy} and {@code approver}; directory role requests (v1.0 and beta) document {@code principal},
 * {@code createdBy} and {@code approver} but support only {@code principal} and {@code approver} ("currently
 * supported", unifiedroleassignmentschedulerequest-filterbycurrentuser). {@code approver} lists the requests whose
 * open or decided approval names the caller (directly or through a group) as an approver.
 */
final class RequestsOfCurrentUser implements EntitySet.CurrentUserMatch {
  static final Set<String> GROUPS = Set.of("principal", "createdBy", "approver");
  static final Set<String> DIRECTORY_ROLES = Set.of("principal", "approver");
  private final GraphTenant tenant;
  private final Set<String> supported;

  RequestsOfCurrentUser(GraphTenant tenant, Set<String> supported) {
    this.tenant = tenant;
    this.supported = Set.copyOf(supported);
  }

  @Override
  public Set<String> supported() {
    return supported;
  }

  @Override
  public boolean matches(String on, String callerId, ObjectNode entity) {
    return switch (on) {
      case "principal" -> callerId.equalsIgnoreCase(entity.path("principalId").asText());
      case "createdBy" -> callerId.equalsIgnoreCase(entity.path("createdBy").path("user").path("id").asText());
      default -> {
        Approval approval = tenant.state.approvals.get(entity.path("approvalId").asText());
        yield approval != null && tenant.approvals.isApprover(approval, callerId);
      }
    };
  }
}
