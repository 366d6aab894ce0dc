package dev.jitelevate.runner.approvals;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The signed-in approver's desk: the requests waiting for them, and their decisions. Azure roles through
 * {@code roleAssignmentScheduleRequests?$filter=asApprover()} and the {@code roleAssignmentApprovals} stages;
 * directory roles through v1.0 {@code roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')} and the
 * beta-only {@code roleAssignmentApprovals/{id}/steps} (Graph has no v1.0 directory role approval); PIM for
 * Groups through v1.0 {@code filterByCurrentUser(on='approver')} and the assignment approval's stages. Of an
 * approval's one or two stages, the approver decides the one in progress and assigned to them. Graph's
 * approval APIs are delegated only. An approver never decides a request for something they could hold
 * themselves.
 */
public final class ApprovalDesk {
  static final String PIM_API = "2020-10-01";
  static final String APPROVALS_API = "2021-01-01-preview";
  private static final String ARM_REQUESTS = "providers/Microsoft.Authorization/roleAssignmentScheduleRequests";
  static final String GROUPS = "v1.0/identityGovernance/privilegedAccess/group/";
  static final String DIRECTORY = "v1.0/roleManagement/directory/";
  private static final String DIRECTORY_APPROVALS = "beta/roleManagement/directory/roleAssignmentApprovals/";
  private final RestCalls arm;
  private final RestCalls graph;

  ApprovalDesk(RestCalls arm, RestCalls graph) {
    this.arm = arm;
    this.graph = graph;
  }

  /** Every request waiting for the signed-in approver, oldest first. */
  public List<PendingApproval> pending() {
    List<PendingApproval> all = new ArrayList<>();
    for (JsonNode r : pages(arm, ARM_REQUESTS + "?api-version=" + PIM_API + "&$filter=asApprover()")) {
      JsonNode p = r.path("properties");
      if ("PendingApproval".equalsIgnoreCase(p.path("status").asText())) {
        all.add(new PendingApproval(Surface.AZURE_ROLE, p.path("approvalId").asText(), r.path("name").asText(),
            p.path("principalId").asText(), p.path("roleDefinitionId").asText(),
            name(p.path("expandedProperties").path("roleDefinition")), p.path("scope").asText(),
            duration(p), p.path("justification").asText(""), ticket(p), time(p.path("createdOn"))));
      }
    }
    for (JsonNode r : pages(graph, DIRECTORY + "roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')"
        + "?$expand=roleDefinition")) {
      if ("PendingApproval".equalsIgnoreCase(r.path("status").asText())) {
        all.add(new PendingApproval(Surface.DIRECTORY_ROLE, r.path("approvalId").asText(), r.path("id").asText(),
            r.path("principalId").asText(), r.path("roleDefinitionId").asText(), name(r.path("roleDefinition")),
            r.path("directoryScopeId").asText("/"),
            duration(r), r.path("justification").asText(""), ticket(r), time(r.path("createdDateTime"))));
      }
    }
    for (JsonNode r : pages(graph, GROUPS + "assignmentScheduleRequests/filterByCurrentUser(on='approver')?$expand=group")) {
      if ("PendingApproval".equalsIgnoreCase(r.path("status").asText())) {
        all.add(new PendingApproval(Surface.GROUP, r.path("approvalId").asText(), r.path("id").asText(),
            r.path("principalId").asText(), r.path("groupId").asText(), name(r.path("group")),
            r.path("accessId").asText("member"),
            duration(r), r.path("justification").asText(""), ticket(r), time(r.path("createdDateTime"))));
      }
    }
    all.sort(java.util.Comparator.comparing(PendingApproval::created));
    return all;
  }

  /**
   * Approves or denies the request waiting with this approval id (or request id), giving the reason.
   *
   * @throws ApprovalException when nothing waits for the approver under that id, or the approver could hold
   *     the same role or group themselves
   */
  public PendingApproval decide(String id, String approverId, boolean approve, String reason) {
    PendingApproval pending = pending().stream()
        .filter(p -> p.approvalId().equalsIgnoreCase(id) || p.approvalId().toLowerCase().endsWith("/" + id.toLowerCase())
            || p.requestId().equalsIgnoreCase(id))
        .findFirst().orElseThrow(() -> new ApprovalException("ApprovalNotFound", "No request waits for your approval"
            + " under '" + id + "'; 'jit-elevate approvals list' shows the ones that do.", null));
    return decide(pending, approverId, approve, reason);
  }

  /**
   * Approves or denies this waiting request, giving the reason.
   *
   * @throws ApprovalException when the approver could hold the same role or group themselves, or the service
   *     refuses the decision
   */
  public PendingApproval decide(PendingApproval pending, String approverId, boolean approve, String reason) {
    new ConflictCheck(arm, graph).requireIndependent(pending, approverId);
    ObjectNode review = JsonNodeFactory.instance.objectNode().put("reviewResult", approve ? "Approve" : "Deny")
        .put("justification", reason);
    switch (pending.surface()) {
      case AZURE_ROLE -> {
        String approval = pending.approvalId();
        JsonNode stages = arm.get(approval + "?api-version=" + APPROVALS_API).path("properties").path("stages");
        String stage = myStage(stages, s -> s.path("properties"), approval).path("name").asText();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("properties", review);
        arm.send(HttpMethod.PUT, approval + "/stages/" + stage + "?api-version=" + APPROVALS_API, body);
      }
      case DIRECTORY_ROLE -> decideStep(DIRECTORY_APPROVALS + pending.approvalId() + "/steps", pending, review);
      case GROUP -> decideStep(GROUPS + "assignmentApprovals/" + pending.approvalId() + "/stages", pending, review);
    }
    return pending;
  }

  /** Graph: find the approval's stage (v1.0) or step (beta) that is the caller's to decide and PATCH the review into it. */
  private void decideStep(String path, PendingApproval pending, ObjectNode review) {
    String step = myStage(graph.get(path).path("value"), s -> s, pending.approvalId()).path("id").asText();
    graph.send(HttpMethod.PATCH, path + "/" + step, review);
  }

  /**
   * The stage in progress and assigned to the caller. An approval has one stage or two in series, so the caller's
   * stage need not be the first: a second-stage approver decides stage 2 once stage 1 is approved.
   *
   * @param properties where a stage keeps {@code status} and {@code assignedToMe} (ARM nests them in {@code properties})
   * @throws ApprovalException when no stage is in progress, or the one in progress is for other approvers
   */
  private static JsonNode myStage(JsonNode stages, java.util.function.UnaryOperator<JsonNode> properties,
      String approval) {
    Predicate<JsonNode> inProgress = s -> "InProgress".equalsIgnoreCase(properties.apply(s).path("status").asText());
    return first(stages, s -> inProgress.test(s) && properties.apply(s).path("assignedToMe").asBoolean(false))
        .orElseThrow(() -> first(stages, inProgress).isPresent()
            ? new ApprovalException("ApprovalStageNotAssigned", "The stage of approval " + approval + " now in progress"
                + " is assigned to other approvers; wait until the stages before yours are decided.", null)
            : noStage(approval));
  }

  static List<JsonNode> pages(RestCalls service, String first) {
    List<JsonNode> items = new ArrayList<>();
    String next = first;
    while (next != null && !next.isBlank()) {
      JsonNode page = service.get(next);
      page.path("value").forEach(items::add);
      JsonNode link = page.has("@odata.nextLink") ? page.get("@odata.nextLink") : page.get("nextLink");
      next = link == null || link.isNull() ? null : link.asText();
    }
    return items;
  }

  private static Optional<JsonNode> first(JsonNode array, Predicate<JsonNode> test) {
    for (JsonNode n : array) {
      if (test.test(n)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  private static ApprovalException noStage(String approval) {
    return new ApprovalException("ApprovalStageNotFound", "Approval " + approval + " has no stage in progress.", null);
  }

  private static Optional<String> name(JsonNode expanded) {
    return Optional.of(expanded.path("displayName").asText("")).filter(n -> !n.isBlank());
  }

  private static Optional<Duration> duration(JsonNode request) {
    JsonNode d = request.path("scheduleInfo").path("expiration").path("duration");
    try {
      return d.isTextual() ? Optional.of(Duration.parse(d.asText())) : Optional.empty();
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> ticket(JsonNode request) {
    return Optional.of(request.path("ticketInfo").path("ticketNumber").asText("")).filter(t -> !t.isBlank());
  }

  private static Instant time(JsonNode value) {
    try {
      return value.isTextual() ? java.time.OffsetDateTime.parse(value.asText()).toInstant() : Instant.EPOCH;
    } catch (java.time.format.DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
