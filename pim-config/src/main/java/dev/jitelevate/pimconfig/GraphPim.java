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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Directory roles and PIM for Groups through Microsoft Graph v1.0: role definitions by name, administrative units,
 * eligibility and assignment schedules, schedule requests, and role management policies (read, PATCH per rule).
 * Every list follows {@code @odata.nextLink}.
 */
final class GraphPim {
  private static final String DIRECTORY = "/roleManagement/directory/";
  private static final String GROUPS = "/identityGovernance/privilegedAccess/group/";

  private final RestClient graph;
  private volatile Map<String, String> roleNames;
  private final Map<String, Optional<String>> units = new ConcurrentHashMap<>();

  GraphPim(RestClient graph) {
    this.graph = graph;
  }

  /** A directory role's id (template id) by display name, case-insensitively. */
  Optional<String> roleId(String name) {
    return roleNames().entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(name)).map(Map.Entry::getKey)
        .findFirst();
  }

  /** A directory role's display name by id, or the id when the tenant has no such role. */
  String roleName(String id) {
    return roleNames().getOrDefault(id.toLowerCase(Locale.ROOT), id);
  }

  private Map<String, String> roleNames() {
    Map<String, String> names = roleNames;
    if (names == null) {
      Map<String, String> read = new ConcurrentHashMap<>();
      graph.list("roleDefinitions.list", DIRECTORY + "roleDefinitions?$select=id,displayName")
          .forEach(r -> read.put(r.path("id").asText().toLowerCase(Locale.ROOT), r.path("displayName").asText()));
      roleNames = names = read;
    }
    return names;
  }

  /** An administrative unit's id by display name or id. */
  Optional<String> administrativeUnit(String ref) {
    return units.computeIfAbsent(ref.toLowerCase(Locale.ROOT), k -> {
      if (Directory.isId(ref)) {
        try {
          return Optional.of(graph.get("administrativeUnits.get", "/directory/administrativeUnits/" + ref + "?$select=id")
              .path("id").asText());
        } catch (PimApiException e) {
          if (e.status() == 404) {
            return Optional.empty();
          }
          throw e;
        }
      }
      String filter = encode("displayName eq '" + ref.replace("'", "''") + "'");
      return graph.list("administrativeUnits.list", "/directory/administrativeUnits?$filter=" + filter
          + "&$select=id,displayName").stream().findFirst().map(u -> u.path("id").asText());
    });
  }

  /** Every directory role eligibility and admin-made (not activated) assignment in the tenant. */
  List<LiveGraphAssignment> directorySchedules() {
    List<LiveGraphAssignment> out = new ArrayList<>();
    read(Surface.DIRECTORY_ROLES, AssignmentKind.ELIGIBLE, DIRECTORY + "roleEligibilitySchedules", out);
    read(Surface.DIRECTORY_ROLES, AssignmentKind.ACTIVE, DIRECTORY + "roleAssignmentSchedules", out);
    return out;
  }

  /** Every member and owner eligibility and admin-made assignment of one group. */
  List<LiveGraphAssignment> groupSchedules(String groupId) {
    List<LiveGraphAssignment> out = new ArrayList<>();
    String filter = "?$filter=" + encode("groupId eq '" + groupId + "'");
    read(Surface.GROUPS, AssignmentKind.ELIGIBLE, GROUPS + "eligibilitySchedules" + filter, out);
    read(Surface.GROUPS, AssignmentKind.ACTIVE, GROUPS + "assignmentSchedules" + filter, out);
    return out;
  }

  private void read(Surface surface, AssignmentKind kind, String path, List<LiveGraphAssignment> out) {
    boolean group = surface == Surface.GROUPS;
    for (JsonNode s : graph.list(path.substring(path.lastIndexOf('/') + 1).split("\\?")[0] + ".list", path)) {
      if (s.path("assignmentType").asText("Assigned").equals("Activated")) {
        continue;
      }
      JsonNode info = s.path("scheduleInfo");
      String start = info.path("startDateTime").asText(s.path("createdDateTime").asText(""));
      JsonNode end = info.path("expiration").path("endDateTime");
      out.add(new LiveGraphAssignment(surface, kind, s.path("principalId").asText().toLowerCase(Locale.ROOT),
          (group ? s.path("groupId") : s.path("roleDefinitionId")).asText().toLowerCase(Locale.ROOT),
          (group ? s.path("accessId") : s.path("directoryScopeId")).asText("/"),
          start.isBlank() ? null : OffsetDateTime.parse(start).toInstant(),
          end.isNull() || end.asText("").isBlank() ? Optional.empty()
              : Optional.of(OffsetDateTime.parse(end.asText()).toInstant())));
    }
  }

  /**
   * The policy of a directory role ({@code DirectoryRole}, scope {@code /}) or a group's access ({@code Group},
   * scope the group id, role {@code member}/{@code owner}), with its rules.
   */
  AzureRoles.LivePolicy policy(String scopeType, String scopeId, String roleDefinitionId) {
    String filter = encode("scopeId eq '" + scopeId + "' and scopeType eq '" + scopeType
        + "' and roleDefinitionId eq '" + roleDefinitionId + "'");
    String policyId = graph.list("roleManagementPolicyAssignments.list",
            "/policies/roleManagementPolicyAssignments?$filter=" + filter).stream().findFirst()
        .orElseThrow(() -> new PimApiException("roleManagementPolicyAssignments.list", 404,
            "RoleManagementPolicyNotFound", "No policy is assigned for " + roleDefinitionId + " at " + scopeId,
            Optional.empty()))
        .path("policyId").asText();
    ArrayNode rules = JsonNodeFactory.instance.arrayNode();
    graph.list("roleManagementPolicyRules.list", "/policies/roleManagementPolicies/" + policyId + "/rules")
        .forEach(rules::add);
    return new AzureRoles.LivePolicy(policyId, rules);
  }

  /** PATCHes each changed rule of a policy (Graph updates one rule per call). */
  void patchRules(String policyId, List<JsonNode> rules) {
    for (JsonNode rule : rules) {
      graph.patch("roleManagementPolicyRules.update", "/policies/roleManagementPolicies/" + policyId + "/rules/"
          + rule.path("id").asText(), rule);
    }
  }

  /** Creates a schedule request; returns it (with {@code id} and {@code status}). */
  JsonNode request(Surface surface, AssignmentKind kind, ObjectNode body) {
    return graph.post(requestSet(surface, kind) + ".create", requestPath(surface, kind), body);
  }

  /** Reads a schedule request back. */
  JsonNode requestStatus(Surface surface, AssignmentKind kind, String id) {
    return graph.get(requestSet(surface, kind) + ".get", requestPath(surface, kind) + "/" + id);
  }

  private static String requestPath(Surface surface, AssignmentKind kind) {
    return (surface == Surface.GROUPS ? GROUPS : DIRECTORY) + requestSet(surface, kind);
  }

  private static String requestSet(Surface surface, AssignmentKind kind) {
    boolean eligible = kind == AssignmentKind.ELIGIBLE;
    if (surface == Surface.GROUPS) {
      return eligible ? "eligibilityScheduleRequests" : "assignmentScheduleRequests";
    }
    return eligible ? "roleEligibilityScheduleRequests" : "roleAssignmentScheduleRequests";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
