package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;

/**
 * Approvals: {@code /identityGovernance/privilegedAccess/group/assignmentApprovals/{id}[/stages|/steps[/{id}]]}
 * (v1.0 stages, beta steps) and beta {@code /roleManagement/directory/roleAssignmentApprovals/{id}/steps/{id}}.
 * Delegated callers only; PATCH with {@code {"reviewResult":"Approve"|"Deny","justification":"…"}} answers 204.
 */
final class ApprovalRoutes {
  private final GraphTenant tenant;

  ApprovalRoutes(GraphTenant tenant) {
    this.tenant = tenant;
  }

  /** Serves the approval sub-tree; {@code index} is the position of the approval id segment. */
  EmulatorResponse handle(GraphCall call, int index, PimTarget.Kind kind) {
    GraphAuth.require(call.caller(), kind == PimTarget.Kind.GROUP ? Permission.GROUP_APPROVALS
        : Permission.DIRECTORY_APPROVALS);
    String id = call.segment(index);
    if (id.isEmpty()) {
      throw GraphException.invalidRequest("Listing approvals is not supported; get one by its id (the request's"
          + " approvalId).");
    }
    Approval approval = tenant.state.approvals.get(id.toLowerCase(java.util.Locale.ROOT));
    if (approval == null || approval.request.target.kind() != kind) {
      throw GraphException.pimNotFound("approval", id);
    }
    String stepsName = call.isBeta() ? "steps" : "stages";
    if (call.size() == index + 1 && call.isGet()) {
      return EmulatorResponse.json(200, approval(approval, stepsName, call));
    }
    if (!call.is(index + 1, stepsName)) {
      throw call.unknownSegment(index + 1);
    }
    if (call.size() == index + 2 && call.isGet()) {
      ObjectNode list = Json.object();
      var stages = list.putArray("value");
      approval.stages.forEach(stage -> stages.add(stage(approval, stage, call)));
      return EmulatorResponse.json(200, list);
    }
    if (call.size() != index + 3) {
      throw call.unknownSegment(index + 3);
    }
    if (call.isGet()) {
      ApprovalStage stage = approval.stage(call.segment(index + 2))
          .orElseThrow(() -> GraphException.pimNotFound("approval stage", call.segment(index + 2)));
      return EmulatorResponse.json(200, stage(approval, stage, call));
    }
    if (!call.method().equals("PATCH")) {
      throw call.methodNotAllowed();
    }
    JsonNode body = call.body();
    tenant.approvals.decide(approval, call.segment(index + 2), call.caller(), Json.text(body, "reviewResult"),
        Json.text(body, "justification"), tenant.engine.provisioner());
    return EmulatorResponse.empty(204);
  }

  private ObjectNode approval(Approval approval, String stepsName, GraphCall call) {
    ObjectNode o = Json.object();
    o.put("@odata.context", call.context("approvals/$entity"));
    o.put("id", approval.id);
    var stages = o.putArray(stepsName);
    approval.stages.forEach(stage -> stages.add(stage(approval, stage, call)));
    return o;
  }

  private ObjectNode stage(Approval approval, ApprovalStage stage, GraphCall call) {
    ObjectNode o = Json.object();
    o.put("id", stage.id);
    o.putNull("displayName");
    PimRenderer.time(o, "reviewedDateTime", stage.reviewedAt);
    o.put("reviewResult", stage.reviewResult);
    o.put("status", stage.status);
    o.put("assignedToMe", stage.isOpen() && tenant.approvals.isApprover(stage, call.caller().objectId())
        && !approval.request.principalId.equalsIgnoreCase(call.caller().objectId()));
    o.put("justification", stage.reviewJustification);
    if (stage.reviewedBy == null) {
      o.putNull("reviewedBy");
    } else {
      ObjectNode by = o.putObject("reviewedBy");
      by.put("id", stage.reviewedBy);
      by.put("displayName", tenant.directory().principal(stage.reviewedBy).map(p -> p.displayName()).orElse(null));
    }
    return o;
  }
}
