package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.List;
import java.util.Set;

/** {@code roleManagementPolicies} (get, list, partial PATCH) and {@code roleManagementPolicyAssignments} (get, list). */
final class PoliciesApi {
  static final String POLICY_WRITE = "Microsoft.Authorization/roleManagementPolicies/write";

  private final ArmState state;
  private final PolicyStore policies;
  private final PolicyJson json;
  private final Guard guard;

  PoliciesApi(ArmState state, PolicyStore policies, PolicyJson json, Guard guard) {
    this.state = state;
    this.policies = policies;
    this.json = json;
    this.guard = guard;
  }

  EmulatorResponse handle(ArmCall call) {
    ApiVersions.PIM.require(call.request());
    Routes.requireMaxSegments(call, 2);
    boolean assignments = call.lowerSegment(0).startsWith("rolemanagementpolicyassignment");
    String name = call.segment(1);
    if (name == null) {
      Routes.requireMethod(call, "GET");
      return list(call, assignments);
    }
    if (assignments) {
      Routes.requireMethod(call, "GET");
      RolePolicy policy = policies.listAt(call.scope()).stream()
          .filter(p -> PolicyJson.assignmentName(p).equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> ArmErrors.notFound("RoleManagementPolicyAssignmentNotFound",
              "The role management policy assignment '" + name + "' does not exist at scope '" + call.scope().path() + "'."));
      return EmulatorResponse.json(200, json.assignment(policy));
    }
    Routes.requireMethod(call, "GET", "PATCH");
    RolePolicy policy = policies.byName(call.scope(), name).orElseThrow(() -> ArmErrors.notFound("RoleManagementPolicyNotFound",
        "The role management policy '" + name + "' does not exist at scope '" + call.scope().path() + "'."));
    if (call.method().equals("PATCH")) {
      policy = patch(call, policy);
    }
    return EmulatorResponse.json(200, json.policy(policy));
  }

  private RolePolicy patch(ArmCall call, RolePolicy policy) {
    JsonNode rules = call.request().bodyJson().path("properties").path("rules");
    if (!rules.isArray()) {
      throw ArmErrors.missingProperty("rules", "properties");
    }
    guard.require(call, POLICY_WRITE);
    return policies.patch(policy, rules, call.callerId(), call.now());
  }

  private EmulatorResponse list(ArmCall call, boolean assignments) {
    ODataFilter filter = ArmFilters.parse(call.request().queryParam("$filter"), Set.of("roledefinitionid"));
    String roleFilter = filter.value("roledefinitionid").map(r -> r.substring(r.lastIndexOf('/') + 1)).orElse(null);
    List<ObjectNode> values = state.roles.values().stream()
        .filter(r -> roleFilter == null || r.guid().equalsIgnoreCase(roleFilter))
        .map(r -> policies.policyFor(call.scope(), r.guid()))
        .map(p -> assignments ? json.assignment(p) : json.policy(p))
        .toList();
    return EmulatorResponse.json(200, ArmJson.list(values));
  }
}
