package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import java.time.Instant;

/** Renders PIM requests, instances and schedules in Graph's shapes (directory roles and groups). */
final class PimRenderer {
  private PimRenderer() {}

  static ObjectNode request(ScheduleRequest r) {
    ObjectNode o = Json.object();
    o.put("id", r.id);
    o.put("status", r.status);
    time(o, "createdDateTime", r.createdAt);
    time(o, "completedDateTime", r.completedAt);
    o.put("approvalId", r.approvalId);
    o.put("customData", r.customData);
    o.put("action", r.action);
    o.put("principalId", r.principalId);
    target(o, r.target);
    o.put("isValidationOnly", r.validationOnly);
    o.put("targetScheduleId", r.targetScheduleId);
    o.put("justification", r.justification);
    o.set("createdBy", createdBy(r));
    o.set("scheduleInfo", scheduleInfo(r));
    ObjectNode ticket = o.putObject("ticketInfo");
    ticket.put("ticketNumber", r.ticketNumber);
    ticket.put("ticketSystem", r.ticketSystem);
    return o;
  }

  static ObjectNode instance(ActiveInstance i) {
    ObjectNode o = Json.object();
    o.put("@odata.type", i.target().isGroup() ? "#microsoft.graph.privilegedAccessGroupAssignmentScheduleInstance"
        : "#microsoft.graph.unifiedRoleAssignmentScheduleInstance");
    o.put("id", i.id());
    o.put("principalId", i.principalId());
    target(o, i.target());
    time(o, "startDateTime", i.start());
    time(o, "endDateTime", i.end());
    o.put("assignmentType", i.assignmentType());
    o.put("memberType", "Direct");
    if (i.target().isGroup()) {
      o.put("assignmentScheduleId", i.scheduleId());
    } else {
      o.put("roleAssignmentOriginId", i.id());
      o.put("roleAssignmentScheduleId", i.scheduleId());
    }
    return o;
  }

  static ObjectNode eligibilityInstance(Eligibility e) {
    ObjectNode o = Json.object();
    o.put("@odata.type", e.target().isGroup() ? "#microsoft.graph.privilegedAccessGroupEligibilityScheduleInstance"
        : "#microsoft.graph.unifiedRoleEligibilityScheduleInstance");
    o.put("id", e.id());
    o.put("principalId", e.principalId());
    target(o, e.target());
    time(o, "startDateTime", e.start());
    time(o, "endDateTime", e.end());
    o.put("memberType", "Direct");
    o.put(e.target().isGroup() ? "eligibilityScheduleId" : "roleEligibilityScheduleId", e.scheduleId());
    return o;
  }

  static ObjectNode schedule(ActiveInstance i) {
    ObjectNode o = scheduleBase(i.scheduleId(), i.principalId(), i.target(), i.createdAt(), i.start(), i.end());
    o.put("@odata.type", i.target().isGroup() ? "#microsoft.graph.privilegedAccessGroupAssignmentSchedule"
        : "#microsoft.graph.unifiedRoleAssignmentSchedule");
    o.put("assignmentType", i.assignmentType());
    return o;
  }

  static ObjectNode eligibilitySchedule(Eligibility e) {
    ObjectNode o = scheduleBase(e.scheduleId(), e.principalId(), e.target(), e.createdAt(), e.start(), e.end());
    o.put("@odata.type", e.target().isGroup() ? "#microsoft.graph.privilegedAccessGroupEligibilitySchedule"
        : "#microsoft.graph.unifiedRoleEligibilitySchedule");
    return o;
  }

  /** A standing or active directory role assignment as {@code /roleManagement/directory/roleAssignments} lists it. */
  static ObjectNode roleAssignment(ActiveInstance i) {
    ObjectNode o = Json.object();
    o.put("id", i.id());
    o.put("principalId", i.principalId());
    o.put("roleDefinitionId", i.target().role());
    o.put("directoryScopeId", i.target().scope());
    o.putNull("appScopeId");
    o.putNull("condition");
    return o;
  }

  private static ObjectNode scheduleBase(String id, String principalId, PimTarget target, Instant created,
      Instant start, Instant end) {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("principalId", principalId);
    target(o, target);
    time(o, "createdDateTime", created);
    time(o, "modifiedDateTime", created);
    o.put("createdUsing", id);
    o.put("status", RequestStatus.PROVISIONED);
    o.put("memberType", "Direct");
    ObjectNode info = o.putObject("scheduleInfo");
    time(info, "startDateTime", start);
    info.putNull("recurrence");
    ObjectNode expiration = info.putObject("expiration");
    expiration.put("type", end == null ? RequestSchedule.NO_EXPIRATION : RequestSchedule.AFTER_DATE_TIME);
    time(expiration, "endDateTime", end);
    expiration.putNull("duration");
    return o;
  }

  private static void target(ObjectNode o, PimTarget target) {
    if (target.isGroup()) {
      o.put("accessId", target.role());
      o.put("groupId", target.scope());
    } else {
      o.put("roleDefinitionId", target.role());
      o.put("directoryScopeId", target.scope());
      o.putNull("appScopeId");
    }
  }

  private static ObjectNode createdBy(ScheduleRequest r) {
    ObjectNode by = Json.object();
    if (r.createdByAppId != null) {
      ObjectNode app = by.putObject("application");
      app.putNull("displayName");
      app.put("id", r.createdByAppId);
    } else {
      by.putNull("application");
    }
    by.putNull("device");
    if (r.createdByUserId != null) {
      ObjectNode user = by.putObject("user");
      user.putNull("displayName");
      user.put("id", r.createdByUserId);
    } else {
      by.putNull("user");
    }
    return by;
  }

  private static ObjectNode scheduleInfo(ScheduleRequest r) {
    ObjectNode info = Json.object();
    time(info, "startDateTime", r.activateAt != null ? r.activateAt : r.effectiveStart);
    info.putNull("recurrence");
    ObjectNode expiration = info.putObject("expiration");
    expiration.put("type", r.schedule.expirationType());
    time(expiration, "endDateTime", r.schedule.endDateTime());
    expiration.put("duration", r.schedule.duration());
    return info;
  }

  static void time(ObjectNode o, String field, Instant value) {
    if (value == null) {
      o.putNull(field);
    } else {
      o.put(field, value.toString());
    }
  }
}
