package dev.jitelevate.pimconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Azure RBAC through PIM on ARM: role definitions by name, eligibility and assignment schedules of a scope,
 * schedule requests, and role management policies (read and PATCH).
 */
final class AzureRoles {
  static final String PIM_API = "2020-10-01";
  private static final String RBAC_API = "2022-04-01";
  private static final String AUTH = "/providers/Microsoft.Authorization/";

  private final RestClient arm;
  private final Map<String, Optional<RoleRef>> roles = new ConcurrentHashMap<>();

  AzureRoles(RestClient arm) {
    this.arm = arm;
  }

  /** A role definition: its GUID and name. */
  record RoleRef(String guid, String name) {
    String idAt(String scope) {
      return scope + AUTH + "roleDefinitions/" + guid;
    }
  }

  /** A policy as read: its full id and rules. */
  record LivePolicy(String id, ArrayNode rules) {}

  /**
   * A role by name, as seen from a scope.
   *
   * @throws PimApiException when the scope does not exist ({@code 404}) or cannot be read
   */
  Optional<RoleRef> role(String scope, String name) {
    String key = Scopes.key(scope) + "|" + name.toLowerCase(java.util.Locale.ROOT);
    return roles.computeIfAbsent(key, k -> arm.list("roleDefinitions.list", scope + AUTH + "roleDefinitions?api-version="
            + RBAC_API + "&$filter=" + encode("roleName eq '" + name.replace("'", "''") + "'")).stream()
        .findFirst().map(r -> new RoleRef(r.path("name").asText(), r.path("properties").path("roleName").asText(name))));
  }

  /** The eligibilities and admin-made active assignments exactly at a scope (not inherited ones). */
  List<LiveAssignment> assignments(String scope) {
    List<LiveAssignment> out = new ArrayList<>();
    read(scope, false, AssignmentKind.ELIGIBLE, "roleEligibilitySchedules", out);
    read(scope, false, AssignmentKind.ACTIVE, "roleAssignmentSchedules", out);
    return out;
  }

  /** The eligibilities and admin-made active assignments at a scope and below it (for import). */
  List<LiveAssignment> assignmentsUnder(String scope) {
    List<LiveAssignment> out = new ArrayList<>();
    read(scope, true, AssignmentKind.ELIGIBLE, "roleEligibilitySchedules", out);
    read(scope, true, AssignmentKind.ACTIVE, "roleAssignmentSchedules", out);
    return out;
  }

  private void read(String scope, boolean below, AssignmentKind kind, String type, List<LiveAssignment> out) {
    String path = scope + AUTH + type + "?api-version=" + PIM_API + (below ? "" : "&$filter=" + encode("atScope()"));
    String at = Scopes.key(scope);
    for (JsonNode s : arm.list(type + ".list", path)) {
      JsonNode p = s.path("properties");
      String itemScope = Scopes.key(p.path("scope").asText());
      boolean inside = below ? itemScope.equals(at) || itemScope.startsWith(at + "/") : itemScope.equals(at);
      if (!inside || p.path("assignmentType").asText("Assigned").equals("Activated")) {
        continue;
      }
      String roleId = p.path("roleDefinitionId").asText();
      out.add(new LiveAssignment(kind, p.path("principalId").asText(), p.path("principalType").asText("User"), roleId,
          roleId.substring(roleId.lastIndexOf('/') + 1),
          p.path("expandedProperties").path("roleDefinition").path("displayName").asText(roleId),
          Scopes.normalize(p.path("scope").asText()), OffsetDateTime.parse(p.path("startDateTime").asText()).toInstant(),
          p.hasNonNull("endDateTime") ? Optional.of(OffsetDateTime.parse(p.get("endDateTime").asText()).toInstant())
              : Optional.empty()));
    }
  }

  /** The policy that governs a role at a scope, through its policy assignment. */
  LivePolicy policy(String scope, RoleRef role) {
    String filter = encode("roleDefinitionId eq '" + role.idAt(scope) + "'");
    JsonNode assignment = arm.list("roleManagementPolicyAssignments.list", scope + AUTH
            + "roleManagementPolicyAssignments?api-version=" + PIM_API + "&$filter=" + filter).stream()
        .filter(a -> Scopes.key(a.path("properties").path("scope").asText(scope)).equals(Scopes.key(scope)))
        .findFirst().orElseThrow(() -> new PimApiException("roleManagementPolicyAssignments.list", 404,
            "RoleManagementPolicyNotFound", "No policy is assigned for " + role.name() + " at " + scope, Optional.empty()));
    String policyId = assignment.path("properties").path("policyId").asText();
    JsonNode policy = arm.get("roleManagementPolicies.get", policyId + "?api-version=" + PIM_API);
    return new LivePolicy(policyId, (ArrayNode) policy.path("properties").path("rules"));
  }

  /** PATCHes the given rules (matched by id) into a policy. */
  void patchPolicy(String policyId, List<JsonNode> rules) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("properties").putArray("rules").addAll(rules);
    arm.patch("roleManagementPolicies.update", policyId + "?api-version=" + PIM_API, body);
  }

  /** Creates a schedule request; returns its properties (with {@code status}). */
  JsonNode request(AssignmentKind kind, String scope, String name, JsonNode properties) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("properties", properties);
    return arm.put(requestType(kind) + ".create", requestPath(kind, scope, name), body).path("properties");
  }

  /** Reads a schedule request back; returns its properties (with {@code status}). */
  JsonNode requestStatus(AssignmentKind kind, String scope, String name) {
    return arm.get(requestType(kind) + ".get", requestPath(kind, scope, name)).path("properties");
  }

  private static String requestPath(AssignmentKind kind, String scope, String name) {
    return scope + AUTH + requestType(kind) + "/" + name + "?api-version=" + PIM_API;
  }

  private static String requestType(AssignmentKind kind) {
    return kind == AssignmentKind.ELIGIBLE ? "roleEligibilityScheduleRequests" : "roleAssignmentScheduleRequests";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
