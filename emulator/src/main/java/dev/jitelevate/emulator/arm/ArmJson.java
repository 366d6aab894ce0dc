package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Renders the ARM surface's resources in the wire shape (ids and types cased as the real service does). */
final class ArmJson {
  private static final String AUTH = "/providers/Microsoft.Authorization/";

  private final ArmState state;
  private final Principals principals;

  ArmJson(ArmState state, Principals principals) {
    this.state = state;
    this.principals = principals;
  }

  static ObjectNode list(Collection<? extends JsonNode> values) {
    ObjectNode out = Json.object();
    ArrayNode array = out.putArray("value");
    values.forEach(array::add);
    return out;
  }

  static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  ObjectNode request(ScheduleRequest request) {
    RequestSpec s = request.spec();
    RequestKind kind = s.kind();
    ObjectNode p = Json.object();
    p.put(kind.targetScheduleField, request.targetScheduleName());
    p.put(kind.targetInstanceField, request.targetInstanceName());
    p.put("scope", s.scope().path());
    RoleDefinition role = state.role(s.roleGuid()).orElseThrow();
    p.put("roleDefinitionId", role.idFor(s.scope()));
    p.put("principalId", s.principalId()).put("principalType", s.principalType()).put("requestType", s.requestType());
    p.put("status", request.status());
    p.put("approvalId", request.approvalId() == null ? null : Approval.PREFIX + request.approvalId());
    ObjectNode schedule = p.putObject("scheduleInfo");
    schedule.put("startDateTime", time(s.requestedStart() == null ? s.start() : s.requestedStart()));
    ObjectNode expiration = schedule.putObject("expiration");
    expiration.put("type", s.expirationType()).put("endDateTime", time(s.requestedEnd())).put("duration", s.duration());
    if (kind == RequestKind.ASSIGNMENT) {
      p.put("linkedRoleEligibilityScheduleId", s.linkedEligibilityScheduleId());
    }
    ObjectNode ticket = p.putObject("ticketInfo");
    ticket.put("ticketNumber", s.ticketNumber()).put("ticketSystem", s.ticketSystem());
    p.put("justification", s.justification()).put("requestorId", s.requestorId()).put("createdOn", time(s.createdOn()));
    p.put("condition", s.condition()).put("conditionVersion", s.conditionVersion());
    p.set("expandedProperties", expanded(s.scope(), role, s.principalId()));
    return resource(p, s.name(), s.scope().prefix() + AUTH + kind.requestType + "/" + s.name(),
        "Microsoft.Authorization/" + kind.requestType);
  }

  ObjectNode schedule(PimSchedule schedule, boolean instance) {
    RequestKind kind = schedule.kind();
    ObjectNode p = Json.object();
    if (kind == RequestKind.ASSIGNMENT) {
      if (instance) {
        p.put("originRoleAssignmentId", schedule.scope().prefix() + AUTH + "roleAssignments/" + schedule.instanceName());
      }
      p.put("linkedRoleEligibilityScheduleId", schedule.linkedEligibilityName());
      if (instance) {
        p.put("linkedRoleEligibilityScheduleInstanceId", schedule.linkedEligibilityInstanceName());
      }
      p.put("assignmentType", schedule.assignmentType());
    }
    p.put("scope", schedule.scope().path());
    RoleDefinition role = state.role(schedule.roleGuid()).orElseThrow();
    p.put("roleDefinitionId", role.idFor(schedule.scope()));
    p.put("principalId", schedule.principalId()).put("principalType", schedule.principalType());
    p.put("status", "Provisioned");
    if (instance) {
      p.put(kind.scheduleIdField, schedule.scope().prefix() + AUTH + kind.scheduleType + "/" + schedule.name());
    } else if (schedule.requestName() != null) {
      String requestField = kind == RequestKind.ASSIGNMENT ? "roleAssignmentScheduleRequestId" : "roleEligibilityScheduleRequestId";
      p.put(requestField, schedule.scope().prefix() + AUTH + kind.requestType + "/" + schedule.requestName());
    }
    p.put("startDateTime", time(schedule.start())).put("endDateTime", time(schedule.end()));
    p.put("memberType", "Direct").put("createdOn", time(schedule.createdOn()));
    if (!instance) {
      p.put("updatedOn", time(schedule.createdOn()));
    }
    p.put("condition", schedule.condition()).put("conditionVersion", schedule.conditionVersion());
    p.set("expandedProperties", expanded(schedule.scope(), role, schedule.principalId()));
    String name = instance ? schedule.instanceName() : schedule.name();
    String type = instance ? kind.instanceType : kind.scheduleType;
    return resource(p, name, schedule.scope().prefix() + AUTH + type + "/" + name, "Microsoft.Authorization/" + type);
  }

  ObjectNode roleAssignment(RoleAssignment ra) {
    ObjectNode p = Json.object();
    RoleDefinition role = state.role(ra.roleGuid()).orElseThrow();
    p.put("roleDefinitionId", role.idFor(ra.scope())).put("principalId", ra.principalId())
        .put("principalType", ra.principalType()).put("scope", ra.scope().path());
    p.put("description", ra.description()).put("condition", ra.condition()).put("conditionVersion", ra.conditionVersion());
    p.put("createdOn", time(ra.createdOn())).put("updatedOn", time(ra.createdOn()));
    p.put("createdBy", ra.createdBy()).put("updatedBy", ra.createdBy()).putNull("delegatedManagedIdentityResourceId");
    return resource(p, ra.name(), ra.id(), "Microsoft.Authorization/roleAssignments");
  }

  ObjectNode roleDefinition(RoleDefinition role, ArmScope scope) {
    ObjectNode p = Json.object();
    p.put("roleName", role.roleName()).put("type", role.type()).put("description", role.description());
    ArrayNode scopes = p.putArray("assignableScopes");
    role.assignableScopes().forEach(scopes::add);
    ObjectNode permission = p.putArray("permissions").addObject();
    permission.set("actions", strings(role.actions()));
    permission.set("notActions", strings(role.notActions()));
    permission.set("dataActions", strings(role.dataActions()));
    permission.set("notDataActions", strings(role.notDataActions()));
    p.putNull("createdOn").putNull("updatedOn").putNull("createdBy").putNull("updatedBy");
    return resource(p, role.guid(), role.idFor(scope), "Microsoft.Authorization/roleDefinitions");
  }

  ObjectNode permissions(List<RoleDefinition> roles) {
    ObjectNode out = Json.object();
    ArrayNode value = out.putArray("value");
    for (RoleDefinition role : roles) {
      ObjectNode entry = value.addObject();
      entry.set("actions", strings(role.actions()));
      entry.set("notActions", strings(role.notActions()));
      entry.set("dataActions", strings(role.dataActions()));
      entry.set("notDataActions", strings(role.notDataActions()));
    }
    out.putNull("nextLink");
    return out;
  }

  ObjectNode expanded(ArmScope scope, RoleDefinition role, String principalId) {
    ObjectNode out = Json.object();
    out.set("scope", scopeRef(scope));
    out.putObject("roleDefinition").put("id", role.idFor(scope)).put("displayName", role.roleName()).put("type", role.type());
    ObjectNode principal = out.putObject("principal");
    principals.find(principalId).ifPresentOrElse(
        o -> principal.put("id", o.id()).put("displayName", o.displayName()).put("email", o.email()).put("type", o.armType()),
        () -> principal.put("id", principalId).putNull("displayName").putNull("email").putNull("type"));
    return out;
  }

  ObjectNode scopeRef(ArmScope scope) {
    ObjectNode out = Json.object();
    out.put("id", scope.path()).put("displayName", state.topology.displayName(scope)).put("type", scope.typeName());
    return out;
  }

  static ObjectNode resource(ObjectNode properties, String name, String id, String type) {
    ObjectNode out = Json.object();
    out.set("properties", properties);
    out.put("name", name).put("id", id).put("type", type);
    return out;
  }

  static ArrayNode strings(Collection<String> values) {
    ArrayNode array = Json.array();
    values.forEach(array::add);
    return array;
  }
}
