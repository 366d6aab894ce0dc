package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.List;
import java.util.Locale;

/**
 * {@code /policies/roleManagementPolicyAssignments} (the {@code $filter} on scopeId and scopeType is required, as in
 * the real service) and {@code /policies/roleManagementPolicies/{id}[/rules[/{ruleId}]]} including PATCH of a rule.
 */
final class PolicyRoutes {
  private final GraphTenant tenant;

  PolicyRoutes(GraphTenant tenant) {
    this.tenant = tenant;
  }

  boolean owns(GraphCall call) {
    return call.is(0, "policies")
        && (call.is(1, "roleManagementPolicyAssignments") || call.is(1, "roleManagementPolicies"));
  }

  EmulatorResponse handle(GraphCall call) {
    boolean assignments = call.is(1, "roleManagementPolicyAssignments");
    if (call.size() == 2) {
      if (!call.isGet()) throw call.methodNotAllowed();
      return list(call, assignments);
    }
    RoleManagementPolicy policy = findPolicy(call.segment(2), assignments);
    authoriseRead(call.caller(), policy.target.kind());
    if (assignments) {
      if (call.size() > 3) throw call.unknownSegment(3);
      return call.entity(200, "policies/roleManagementPolicyAssignments/$entity", assignment(policy, call.query()));
    }
    if (call.size() == 3) {
      return call.entity(200, "policies/roleManagementPolicies/$entity", policy(policy, call.query()));
    }
    if (!call.is(3, "rules")) throw call.unknownSegment(3);
    if (call.size() == 4) {
      return call.collection("policies/roleManagementPolicies('" + policy.id + "')/rules", policy.rules());
    }
    return rule(call, policy, call.segment(4));
  }

  private EmulatorResponse list(GraphCall call, boolean assignments) {
    ODataFilter filter = call.query().filter();
    String scopeId = filter.value("scopeId").orElse(null);
    String scopeType = filter.value("scopeType").orElse(null);
    if (scopeId == null || scopeType == null) {
      throw GraphException.invalidRequest("The $filter must specify both scopeId and scopeType, e.g. $filter=scopeId"
          + " eq '/' and scopeType eq 'DirectoryRole', or scopeId eq '{groupId}' and scopeType eq 'Group'.");
    }
    PimTarget.Kind kind = kind(scopeType);
    authoriseRead(call.caller(), kind);
    String role = filter.value("roleDefinitionId").orElse(null);
    List<ObjectNode> items = tenant.state.policies.stream()
        .filter(p -> p.target.kind() == kind && p.target.scope().equalsIgnoreCase(scopeId))
        .filter(p -> role == null || p.target.role().equalsIgnoreCase(role))
        .map(p -> assignments ? assignment(p, call.query(), scopeType) : policy(p, call.query(), scopeType))
        .map(call.query()::project)
        .toList();
    return call.collection(assignments ? "policies/roleManagementPolicyAssignments"
        : "policies/roleManagementPolicies", items);
  }

  private EmulatorResponse rule(GraphCall call, RoleManagementPolicy policy, String ruleId) {
    if (call.size() > 5) throw call.unknownSegment(5);
    if (call.isGet()) {
      return call.entity(200, "policies/roleManagementPolicies('" + policy.id + "')/rules/$entity",
          policy.rule(ruleId).orElseThrow(() -> GraphException.pimNotFound("rule", ruleId)).deepCopy());
    }
    if (!call.method().equals("PATCH")) throw call.methodNotAllowed();
    GraphAuth.require(call.caller(), policy.target.isGroup() ? Permission.GROUP_POLICIES_WRITE
        : Permission.DIRECTORY_POLICIES_WRITE);
    if (!GraphAuth.actsAsAdmin(call.caller())) throw GraphException.denied();
    ObjectNode updated = policy.patchRule(ruleId, call.body(), tenant.now(), call.caller().objectId());
    return call.entity(200, "policies/roleManagementPolicies('" + policy.id + "')/rules/$entity", updated.deepCopy());
  }

  private ObjectNode assignment(RoleManagementPolicy p, ODataQuery query) {
    return assignment(p, query, null);
  }

  /** An assignment as a list asked for it: a directory policy listed with {@code scopeType eq 'Directory'} says so. */
  private ObjectNode assignment(RoleManagementPolicy p, ODataQuery query, String requestedType) {
    ObjectNode o = Json.object();
    o.put("id", p.id + "_" + p.target.role());
    o.put("policyId", p.id);
    o.put("scopeId", p.target.scope());
    o.put("scopeType", scopeType(p, requestedType));
    o.put("roleDefinitionId", p.target.role());
    query.expansion("policy").ifPresent(nested -> o.set("policy", policy(p, nested, requestedType)));
    return o;
  }

  private ObjectNode policy(RoleManagementPolicy p, ODataQuery query) {
    return policy(p, query, null);
  }

  private ObjectNode policy(RoleManagementPolicy p, ODataQuery query, String requestedType) {
    ObjectNode o = Json.object();
    o.put("id", p.id);
    o.put("displayName", scopeType(p, requestedType));
    o.put("description", scopeType(p, requestedType));
    o.put("isOrganizationDefault", false);
    o.put("scopeId", p.target.scope());
    o.put("scopeType", scopeType(p, requestedType));
    PimRenderer.time(o, "lastModifiedDateTime", p.lastModifiedAt);
    ObjectNode by = o.putObject("lastModifiedBy");
    by.putNull("displayName");
    by.put("id", p.lastModifiedBy);
    if (query.expands("rules")) {
      ArrayNode rules = o.putArray("rules");
      p.rules().forEach(r -> rules.add(r.deepCopy()));
    }
    return o;
  }

  private RoleManagementPolicy findPolicy(String id, boolean assignmentId) {
    String policyId = assignmentId && id.lastIndexOf('_') > 0 ? id.substring(0, id.lastIndexOf('_')) : id;
    return tenant.state.policyById(policyId)
        .filter(p -> !assignmentId || id.equalsIgnoreCase(p.id + "_" + p.target.role()))
        .orElseThrow(() -> GraphException.pimNotFound(assignmentId ? "role management policy assignment"
            : "role management policy", id));
  }

  private static void authoriseRead(Caller caller, PimTarget.Kind kind) {
    GraphAuth.require(caller, kind == PimTarget.Kind.GROUP ? Permission.GROUP_POLICIES_READ
        : Permission.DIRECTORY_POLICIES_READ);
  }

  private static PimTarget.Kind kind(String scopeType) {
    return switch (scopeType.toLowerCase(Locale.ROOT)) {
      case "directoryrole", "directory" -> PimTarget.Kind.DIRECTORY;
      case "group" -> PimTarget.Kind.GROUP;
      default -> throw GraphException.invalidRequest("Invalid scopeType '" + scopeType + "'; expected DirectoryRole,"
          + " Directory or Group.");
    };
  }

  /** {@code Group}, or for the directory the spelling the list asked for ({@code Directory} or {@code DirectoryRole}). */
  private static String scopeType(RoleManagementPolicy p, String requestedType) {
    if (p.target.isGroup()) {
      return "Group";
    }
    return "directory".equalsIgnoreCase(requestedType) ? "Directory" : "DirectoryRole";
  }
}
