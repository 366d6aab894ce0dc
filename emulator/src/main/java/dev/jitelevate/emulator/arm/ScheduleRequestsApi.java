package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.List;
import java.util.Set;

/** {@code roleAssignmentScheduleRequests} and {@code roleEligibilityScheduleRequests}: create, get, list, cancel, validate. */
record ScheduleRequestsApi(RequestKind kind, ArmState state, PimEngine engine, RequestSpecParser parser, ArmJson json,
    ScopeFilter scopes, Guard guard, ReadAccess access) {
  private static final Set<String> FILTERS = Set.of("atscope()", "principalid", "assignedto()", "astarget()",
      "asrequestor()", "asapprover()", "roledefinitionid", "status", "requestorid");

  EmulatorResponse handle(ArmCall call) {
    ApiVersions.PIM.require(call.request());
    Routes.requireMaxSegments(call, 3);
    String name = call.segment(1);
    if (name == null) {
      Routes.requireMethod(call, "GET");
      return list(call);
    }
    String action = call.lowerSegment(2);
    if (action != null) {
      Routes.requireMethod(call, "POST");
      return switch (action) {
        case "cancel" -> cancel(call, name);
        case "validate" -> validate(call, requireGuid(name));
        default -> throw Routes.unknownType(call);
      };
    }
    Routes.requireMethod(call, "GET", "PUT");
    if (call.method().equals("PUT")) {
      return create(call, requireGuid(name));
    }
    ScheduleRequest found = find(call, name);
    if (!found.spec().requestorId().equalsIgnoreCase(call.callerId())) {
      access.requireItem(call, ArmFilters.parse(call.request().queryParam("$filter"), FILTERS), found.spec().principalId());
    }
    return EmulatorResponse.json(200, json.request(found));
  }

  private EmulatorResponse create(ArmCall call, String name) {
    RequestSpec spec = parser.parse(kind, call, name);
    if (state.request(kind, name).isPresent()) {
      throw ArmErrors.badRequest("RoleAssignmentRequestExists", "A request with the name '" + name
          + "' already exists. Use a new GUID as the name of every request.");
    }
    ScheduleRequest created = engine.submit(spec, call.caller(), call.identities(), true);
    return EmulatorResponse.json(201, json.request(created));
  }

  private EmulatorResponse validate(ArmCall call, String name) {
    RequestSpec spec = parser.parse(kind, call, name);
    return EmulatorResponse.json(200, json.request(engine.submit(spec, call.caller(), call.identities(), false)));
  }

  private EmulatorResponse cancel(ArmCall call, String name) {
    ScheduleRequest request = find(call, name);
    if (!request.spec().requestorId().equalsIgnoreCase(call.callerId())) {
      guard.require(call, PimEngine.WRITE);
    }
    boolean cancelable = request.status().equals("PendingApproval") || request.status().equals("Accepted");
    if (!cancelable) {
      throw ArmErrors.badRequest("RequestCannotBeCanceled", "Only a pending request can be canceled; request '" + name
          + "' is " + request.status() + ".");
    }
    engine.approvals().cancel(request, call.now());
    state.put(request.withStatus("Canceled"));
    return EmulatorResponse.empty(200);
  }

  private ScheduleRequest find(ArmCall call, String name) {
    return state.request(kind, name).filter(r -> r.spec().scope().sameAs(call.scope())).orElseThrow(() -> ArmErrors.notFound(
        kind.requestType.substring(0, kind.requestType.length() - 1) + "NotFound",
        "The " + kind.requestType.substring(0, kind.requestType.length() - 1) + " '" + name + "' does not exist at scope '"
            + call.scope().path() + "'."));
  }

  private EmulatorResponse list(ArmCall call) {
    ODataFilter filter = ArmFilters.parse(call.request().queryParam("$filter"), FILTERS);
    if (!filter.has("asrequestor()") && !filter.has("asapprover()")) {
      access.requireList(call, filter);
    }
    List<ObjectNode> values = state.requests.values().stream()
        .filter(r -> r.spec().kind() == kind)
        .filter(r -> scopes.matches(call, filter, r.spec().scope(), r.spec().principalId(), r.spec().roleGuid()))
        .filter(r -> !filter.has("asrequestor()") || r.spec().requestorId().equalsIgnoreCase(call.callerId()))
        .filter(r -> filter.value("requestorid").map(id -> id.equalsIgnoreCase(r.spec().requestorId())).orElse(true))
        .filter(r -> filter.value("status").map(s -> s.equalsIgnoreCase(r.status())).orElse(true))
        .filter(r -> !filter.has("asapprover()") || isApproverOf(r, call))
        .map(json::request)
        .toList();
    return EmulatorResponse.json(200, ArmJson.list(values));
  }

  private boolean isApproverOf(ScheduleRequest request, ArmCall call) {
    return request.approvalId() != null && state.approval(request.approvalId())
        .map(a -> a.inProgress() && engine.approvals().isApprover(a, call.callerId())).orElse(false);
  }

  private static String requireGuid(String name) {
    if (!ArmScope.isGuid(name)) {
      throw ArmErrors.badRequest("InvalidResourceName", "The request name '" + name
          + "' is not valid. The name of a schedule request must be a GUID.");
    }
    return name;
  }
}
