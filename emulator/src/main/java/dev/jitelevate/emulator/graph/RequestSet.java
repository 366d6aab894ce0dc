package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.util.Set;

/** A schedule request collection: POST to create, GET to read, {@code POST {id}/cancel} to cancel. */
final class RequestSet {
  private final GraphTenant tenant;
  private final ScheduleRequest.Type type;
  private final PimTarget.Kind kind;
  private final Permission write;
  private final EntitySet entities;

  RequestSet(GraphTenant tenant, ScheduleRequest.Type type, PimTarget.Kind kind, Permission write, Permission read,
      String name, String contextFragment, Set<String> requiredFilter, boolean byCreatorAndApprover) {
    this.tenant = tenant;
    this.type = type;
    this.kind = kind;
    this.write = write;
    this.entities = new EntitySet(name, read, contextFragment,
        () -> tenant.state.requests(type, kind).stream().map(PimRenderer::request).toList(),
        new RequestsOfCurrentUser(tenant, byCreatorAndApprover ? RequestsOfCurrentUser.GROUPS
            : RequestsOfCurrentUser.DIRECTORY_ROLES),
        requiredFilter, Expansions.pim(tenant),
        kind == PimTarget.Kind.DIRECTORY ? EntitySet.Readers.ADMIN_READERS : EntitySet.Readers.GROUP_READERS);
  }

  /** Serves the collection; {@code index} is the position of the segment after the collection's name. */
  EmulatorResponse handle(GraphCall call, int index) {
    if (call.size() == index && call.method().equals("POST")) {
      return create(call);
    }
    if (call.size() == index + 2 && call.is(index + 1, "cancel")) {
      if (!call.method().equals("POST")) {
        throw call.methodNotAllowed();
      }
      return cancel(call, call.segment(index));
    }
    return entities.read(call, index);
  }

  private EmulatorResponse create(GraphCall call) {
    GraphAuth.require(call.caller(), write);
    ScheduleRequest request = ScheduleRequestParser.parse(call.body(), type, kind, call.caller(), tenant.now());
    tenant.engine.submit(request, call.caller());
    return call.entity(201, entities.contextFragment() + "/$entity", PimRenderer.request(request));
  }

  private EmulatorResponse cancel(GraphCall call, String id) {
    GraphAuth.require(call.caller(), write);
    ScheduleRequest request = tenant.state.request(id, type, kind)
        .orElseThrow(() -> GraphException.pimNotFound(entities.name(), id));
    Caller caller = call.caller();
    boolean own = request.principalId.equalsIgnoreCase(caller.objectId())
        || caller.objectId().equalsIgnoreCase(request.createdByUserId);
    if (!own && !GraphAuth.actsAsAdmin(caller)) {
      throw GraphException.denied();
    }
    if (!request.isPending()) {
      throw GraphException.invalidRequest("The request '" + id + "' has status '" + request.status
          + "' and cannot be canceled; only pending requests (PendingApproval, Granted, PendingProvisioning) can be.");
    }
    request.status = RequestStatus.CANCELED;
    request.completedAt = tenant.now();
    Approval approval = tenant.state.approvals.get(request.id);
    if (approval != null) {
      approval.current().ifPresent(stage -> stage.status = ApprovalStage.COMPLETED);
    }
    return EmulatorResponse.empty(204);
  }
}
