package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;

/** Renders role management policies and their assignments. */
final class PolicyJson {
  private final ArmState state;
  private final ArmJson json;
  private final Principals principals;

  PolicyJson(ArmState state, ArmJson json, Principals principals) {
    this.state = state;
    this.json = json;
    this.principals = principals;
  }

  ObjectNode policy(RolePolicy policy) {
    ObjectNode p = Json.object();
    p.put("scope", policy.scope().path()).putNull("displayName").putNull("description").put("isOrganizationDefault", false);
    p.put("lastModifiedDateTime", ArmJson.time(policy.lastModifiedAt()));
    p.set("lastModifiedBy", modifiedBy(policy));
    p.set("rules", policy.rules());
    p.set("effectiveRules", policy.rules());
    p.putObject("policyProperties").set("scope", json.scopeRef(policy.scope()));
    return ArmJson.resource(p, policy.name(), policy.id(), "Microsoft.Authorization/RoleManagementPolicies");
  }

  ObjectNode assignment(RolePolicy policy) {
    RoleDefinition role = state.role(policy.roleGuid()).orElseThrow();
    ObjectNode p = Json.object();
    p.put("scope", policy.scope().path()).put("roleDefinitionId", role.idFor(policy.scope())).put("policyId", policy.id());
    p.set("effectiveRules", policy.rules());
    ObjectNode props = p.putObject("policyAssignmentProperties");
    props.set("scope", json.scopeRef(policy.scope()));
    props.putObject("roleDefinition").put("id", role.idFor(policy.scope())).put("displayName", role.roleName()).put("type", role.type());
    ObjectNode ref = props.putObject("policy");
    ref.put("id", policy.id());
    ref.set("lastModifiedBy", modifiedBy(policy));
    ref.put("lastModifiedDateTime", ArmJson.time(policy.lastModifiedAt()));
    String name = assignmentName(policy);
    return ArmJson.resource(p, name,
        policy.scope().prefix() + "/providers/Microsoft.Authorization/roleManagementPolicyAssignment/" + name,
        "Microsoft.Authorization/RoleManagementPolicyAssignment");
  }

  static String assignmentName(RolePolicy policy) {
    return policy.name() + "_" + policy.roleGuid();
  }

  private ObjectNode modifiedBy(RolePolicy policy) {
    ObjectNode by = Json.object();
    if (policy.lastModifiedBy() == null) {
      return by.putNull("id").put("displayName", "Admin").putNull("type").putNull("email");
    }
    principals.find(policy.lastModifiedBy()).ifPresentOrElse(
        o -> by.put("id", o.id()).put("displayName", o.displayName()).put("type", o.armType()).put("email", o.email()),
        () -> by.put("id", policy.lastModifiedBy()).putNull("displayName").putNull("type").putNull("email"));
    return by;
  }
}
