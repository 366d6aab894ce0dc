package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Plain role assignments: create (201/200), get, delete (200 with body / 204 when absent), list. */
final class RoleAssignmentsApi {
  static final String DELETE = "Microsoft.Authorization/roleAssignments/delete";

  private final ArmState state;
  private final ArmJson json;
  private final Principals principals;
  private final Guard guard;
  private final ScopeFilter scopes;

  RoleAssignmentsApi(ArmState state, ArmJson json, Principals principals, Guard guard, ScopeFilter scopes) {
    this.state = state;
    this.json = json;
    this.principals = principals;
    this.guard = guard;
    this.scopes = scopes;
  }

  EmulatorResponse handle(ArmCall call) {
    ApiVersions.RBAC.require(call.request());
    Routes.requireMaxSegments(call, 2);
    String name = call.segment(1);
    if (name == null) {
      Routes.requireMethod(call, "GET");
      return list(call);
    }
    if (!ArmScope.isGuid(name)) {
      throw ArmErrors.badRequest("InvalidRoleAssignmentId",
          "The role assignment ID '" + name + "' is not valid. The role assignment ID must be a GUID.");
    }
    Routes.requireMethod(call, "GET", "PUT", "DELETE");
    return switch (call.method()) {
      case "PUT" -> create(call, name);
      case "DELETE" -> delete(call, name);
      default -> read(call, name);
    };
  }

  /** Reads one assignment; like every ARM read, only with {@code roleAssignments/read} at the scope. */
  private EmulatorResponse read(ArmCall call, String name) {
    guard.require(call, ReadAccess.READ);
    return EmulatorResponse.json(200, json.roleAssignment(find(call, name).orElseThrow(() -> ArmErrors.notFound(
        "RoleAssignmentNotFound", "The role assignment '" + name + "' is not found."))));
  }

  private Optional<RoleAssignment> find(ArmCall call, String name) {
    return Optional.ofNullable(state.roleAssignments.get(ArmState.key(name))).filter(ra -> ra.scope().sameAs(call.scope()));
  }

  private EmulatorResponse create(ArmCall call, String name) {
    JsonNode p = call.request().bodyJson().path("properties");
    if (!p.isObject()) {
      throw ArmErrors.missingProperty("properties", "");
    }
    String roleRef = RequestSpecParser.required(p, "roleDefinitionId");
    String principalId = RequestSpecParser.required(p, "principalId");
    guard.require(call, PimEngine.WRITE);
    String guid = roleRef.substring(roleRef.lastIndexOf('/') + 1);
    RoleDefinition role = state.role(guid).orElseThrow(() -> ArmErrors.roleDefinitionDoesNotExist(guid));
    Principals.DirectoryObject principal = principals.find(principalId).orElseThrow(() -> principalNotFound(principalId));
    String declared = Json.text(p, "principalType");
    if (declared != null && !declared.equalsIgnoreCase(principal.armType())) {
      throw ArmErrors.badRequest("UnmatchedPrincipalType", "The PrincipalId '" + principalId + "' has type '"
          + principal.armType() + "' , which is different from specified PrincipalType '" + declared + "'.");
    }
    Optional<RoleAssignment> existing = Optional.ofNullable(state.roleAssignments.get(ArmState.key(name)));
    if (existing.isPresent()) {
      return update(existing.get(), call, role, principal, Json.text(p, "description"));
    }
    boolean duplicate = state.roleAssignments.values().stream().anyMatch(ra -> ra.scope().sameAs(call.scope())
        && ra.roleGuid().equalsIgnoreCase(role.guid()) && ra.principalId().equalsIgnoreCase(principal.id()));
    if (duplicate) {
      throw new ArmException(409, "RoleAssignmentExists", "The role assignment already exists.");
    }
    RoleAssignment created = new RoleAssignment(name, call.scope(), role.guid(), principal.id(), principal.armType(),
        Json.text(p, "description"), Json.text(p, "condition"), Json.text(p, "conditionVersion"), call.now(),
        call.callerId(), false, null);
    state.put(created);
    return EmulatorResponse.json(201, json.roleAssignment(created));
  }

  private EmulatorResponse update(RoleAssignment existing, ArmCall call, RoleDefinition role,
      Principals.DirectoryObject principal, String description) {
    boolean same = existing.scope().sameAs(call.scope()) && existing.roleGuid().equalsIgnoreCase(role.guid())
        && existing.principalId().equalsIgnoreCase(principal.id());
    if (!same) {
      throw ArmErrors.badRequest("RoleAssignmentUpdateNotPermitted",
          "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.");
    }
    RoleAssignment updated = existing.withDescription(description);
    state.put(updated);
    return EmulatorResponse.json(200, json.roleAssignment(updated));
  }

  private EmulatorResponse delete(ArmCall call, String name) {
    guard.require(call, DELETE);
    Optional<RoleAssignment> existing = find(call, name);
    if (existing.isEmpty()) {
      return EmulatorResponse.empty(204);
    }
    RoleAssignment ra = existing.get();
    state.roleAssignments.remove(ArmState.key(name));
    if (ra.scheduleName() != null) {
      Optional.ofNullable(state.schedules.get(ArmState.key(ra.scheduleName()))).ifPresent(state::removeSchedule);
    }
    return EmulatorResponse.json(200, json.roleAssignment(ra));
  }

  /** Lists assignments; ARM authorises the read at the scope before it looks at the filter, even {@code assignedTo}. */
  private EmulatorResponse list(ArmCall call) {
    guard.require(call, ReadAccess.READ);
    ODataFilter filter = ArmFilters.parse(call.request().queryParam("$filter"),
        Set.of("atscope()", "principalid", "assignedto()", "roledefinitionid"));
    List<ObjectNode> values = state.roleAssignments.values().stream()
        .filter(ra -> scopes.matches(call, filter, ra.scope(), ra.principalId(), ra.roleGuid()))
        .map(json::roleAssignment)
        .toList();
    return EmulatorResponse.json(200, ArmJson.list(values));
  }

  private ArmException principalNotFound(String id) {
    return ArmErrors.badRequest("PrincipalNotFound", "Principal " + id.replace("-", "") + " does not exist in the directory "
        + principals.directory().tenantId() + ". Check that you have the correct principal ID. If you are creating this"
        + " principal and then immediately assigning a role, this error might be related to a replication delay. In this"
        + " case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group."
        + "  See https://aka.ms/docs-principaltype");
  }
}
