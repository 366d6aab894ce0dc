package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.List;
import java.util.Set;

/**
 * {@code roleAssignmentApprovals} (api-version 2021-01-01-preview): list ({@code asApprover()},
 * {@code asCreatedBy()}, {@code asTarget()}), get, and the stage get/PATCH/PUT through which
 * approvers decide, stage by stage (a later stage only once the one before it is approved).
 */
final class ApprovalsApi {
  private static final String STAGE_TYPE = "Microsoft.Authorization/roleAssignmentApprovals/stages";

  private final ArmState state;
  private final Approvals approvals;
  private final Principals principals;

  ApprovalsApi(ArmState state, Approvals approvals, Principals principals) {
    this.state = state;
    this.approvals = approvals;
    this.principals = principals;
  }

  EmulatorResponse handle(ArmCall call) {
    ApiVersions.APPROVALS.require(call.request());
    Routes.requireMaxSegments(call, 4);
    String id = call.segment(1);
    if (id == null) {
      Routes.requireMethod(call, "GET");
      return list(call);
    }
    Approval approval = state.approval(id).orElseThrow(() -> ArmErrors.notFound("RoleAssignmentApprovalNotFound",
        "The role assignment approval '" + id + "' does not exist."));
    if (call.segment(2) == null) {
      Routes.requireMethod(call, "GET");
      return EmulatorResponse.json(200, approval(approval, call));
    }
    ApprovalStage stage = "stages".equals(call.lowerSegment(2)) && call.segment(3) != null
        ? approval.stage(call.segment(3)).orElse(null) : null;
    if (stage == null) {
      throw ArmErrors.notFound("RoleAssignmentApprovalStepNotFound", "The approval stage '" + call.segment(3)
          + "' does not exist in approval '" + id + "'.");
    }
    Routes.requireMethod(call, "GET", "PATCH", "PUT");
    if (!call.method().equals("GET")) {
      approval = decide(call, approval, stage);
      stage = approval.stage(stage.id()).orElseThrow();
    }
    return EmulatorResponse.json(200, stage(approval, stage, call));
  }

  private Approval decide(ArmCall call, Approval approval, ApprovalStage stage) {
    JsonNode body = call.request().bodyJson();
    JsonNode p = body.has("properties") ? body.get("properties") : body;
    String result = Json.text(p, "reviewResult");
    if (result == null) {
      throw ArmErrors.missingProperty("reviewResult", "properties");
    }
    if (!result.equalsIgnoreCase("Approve") && !result.equalsIgnoreCase("Deny")) {
      throw ArmErrors.invalidContent("Error converting value \"" + result + "\" for 'reviewResult'. Allowed values: Approve, Deny");
    }
    return approvals.decide(approval, stage, result.equalsIgnoreCase("Approve"), call.callerId(),
        Json.text(p, "justification"), call.now());
  }

  private EmulatorResponse list(ArmCall call) {
    ODataFilter filter = ArmFilters.parse(call.request().queryParam("$filter"), Set.of("asapprover()", "ascreatedby()", "astarget()"));
    List<ObjectNode> values = state.approvals.values().stream()
        .filter(a -> visible(a, call, filter))
        .map(a -> approval(a, call))
        .toList();
    return EmulatorResponse.json(200, ArmJson.list(values));
  }

  private boolean visible(Approval a, ArmCall call, ODataFilter filter) {
    ScheduleRequest request = approvals.requestOf(a).orElse(null);
    if (request == null || !state.topology.covers(call.scope(), request.spec().scope())) {
      return false;
    }
    boolean approver = approvals.isAnyApprover(a, call.callerId());
    boolean creator = request.spec().requestorId().equalsIgnoreCase(call.callerId());
    boolean target = call.identities().contains(ArmState.key(request.spec().principalId()));
    if (filter.has("asapprover()")) return approvals.isApprover(a, call.callerId());
    if (filter.has("ascreatedby()")) return creator;
    if (filter.has("astarget()")) return target;
    return approver || creator || target;
  }

  private ObjectNode approval(Approval a, ArmCall call) {
    ObjectNode p = Json.object();
    var stages = p.putArray("stages");
    a.stages().forEach(stage -> stages.add(stage(a, stage, call)));
    return ArmJson.resource(p, a.id(), a.fullId(), STAGE_TYPE);
  }

  private ObjectNode stage(Approval a, ApprovalStage s, ArmCall call) {
    ObjectNode p = Json.object();
    p.put("displayName", "Approval stage " + a.number(s))
        .put("assignedToMe", s.inProgress() && approvals.isApprover(a, s, call.callerId()));
    p.put("status", s.wireStatus());
    if (s.reviewerId() == null) {
      p.putNull("reviewedBy");
    } else {
      ObjectNode by = p.putObject("reviewedBy");
      by.put("principalType", "user").put("principalId", s.reviewerId());
      principals.find(s.reviewerId()).ifPresent(o -> by.put("principalName", o.displayName()).put("userPrincipalName", o.email()));
    }
    p.put("reviewedDateTime", ArmJson.time(s.reviewedAt())).put("reviewResult", s.reviewResult()).put("justification", s.justification());
    return ArmJson.resource(p, s.id(), a.fullId() + "/stages/" + s.id(), STAGE_TYPE);
  }
}
