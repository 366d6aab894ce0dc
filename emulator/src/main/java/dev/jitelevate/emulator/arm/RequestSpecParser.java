package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Reads a schedule request body ({@code {"properties":{…}}}) into a {@link RequestSpec}, with ARM's 400s. */
record RequestSpecParser(ArmState state, Principals principals) {
  private static final Set<String> REQUEST_TYPES = Set.of("AdminAssign", "AdminRemove", "AdminUpdate", "AdminExtend",
      "AdminRenew", "SelfActivate", "SelfDeactivate", "SelfExtend", "SelfRenew");
  private static final Set<String> EXPIRATION_TYPES = Set.of("AfterDuration", "AfterDateTime", "NoExpiration");

  RequestSpec parse(RequestKind kind, ArmCall call, String name) {
    JsonNode body = call.request().bodyJson();
    JsonNode p = body.get("properties");
    if (p == null || !p.isObject()) {
      throw ArmErrors.missingProperty("properties", "");
    }
    String roleRef = required(p, "roleDefinitionId");
    String principalId = required(p, "principalId");
    String requestType = enumValue(required(p, "requestType"), REQUEST_TYPES, "requestType");
    RoleDefinition role = role(roleRef);
    Principals.DirectoryObject principal = principals.find(principalId).orElseThrow(() -> ArmErrors.badRequest(
        "SubjectNotFound", "The subject '" + principalId + "' was not found in the directory. Use the object id of a user, group or service principal."));
    JsonNode schedule = p.path("scheduleInfo");
    Instant requestedStart = instant(schedule.path("startDateTime"), "scheduleInfo.startDateTime");
    JsonNode expiration = schedule.path("expiration");
    String expirationType = expiration.hasNonNull("type")
        ? enumValue(expiration.get("type").asText(), EXPIRATION_TYPES, "scheduleInfo.expiration.type") : "NoExpiration";
    String duration = Json.text(expiration, "duration");
    Instant requestedEnd = instant(expiration.path("endDateTime"), "scheduleInfo.expiration.endDateTime");
    Instant start = requestedStart == null || requestedStart.isBefore(call.now()) ? call.now() : requestedStart;
    Instant end = end(expirationType, start, duration, requestedEnd);
    if (end != null && !end.isAfter(start)) {
      throw ArmErrors.invalidContent("The schedule ends at " + end + ", which is not after its start " + start
          + ". Path 'properties.scheduleInfo.expiration'");
    }
    JsonNode ticket = p.path("ticketInfo");
    return new RequestSpec(kind, name, call.scope(), role.guid(), principal.id(), principal.armType(), requestType,
        requestedStart, expirationType, duration, requestedEnd, Json.text(p, "justification"),
        Json.text(ticket, "ticketNumber"), Json.text(ticket, "ticketSystem"), Json.text(p, "condition"),
        Json.text(p, "conditionVersion"), Json.text(p, "linkedRoleEligibilityScheduleId"), call.callerId(), call.now(),
        start, end);
  }

  private RoleDefinition role(String roleRef) {
    String guid = roleRef.substring(roleRef.lastIndexOf('/') + 1);
    if (!ArmScope.isGuid(guid)) {
      throw ArmErrors.badRequest("InvalidRoleDefinitionId", "The role definition ID '" + roleRef
          + "' is not valid. Use /subscriptions/{id}/providers/Microsoft.Authorization/roleDefinitions/{guid}.");
    }
    return state.role(guid).orElseThrow(() -> ArmErrors.roleDefinitionDoesNotExist(guid));
  }

  private static Instant end(String type, Instant start, String duration, Instant requestedEnd) {
    switch (type) {
      case "AfterDuration":
        if (duration == null) {
          throw ArmErrors.missingProperty("duration", "properties.scheduleInfo.expiration");
        }
        try {
          Duration length = IsoDurations.parse(duration, "scheduleInfo.expiration.duration");
          return start.plus(length);
        } catch (IllegalArgumentException e) {
          throw ArmErrors.invalidContent(e.getMessage());
        }
      case "AfterDateTime":
        if (requestedEnd == null) {
          throw ArmErrors.missingProperty("endDateTime", "properties.scheduleInfo.expiration");
        }
        return requestedEnd;
      default:
        return null;
    }
  }

  static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw ArmErrors.missingProperty(field, "properties");
    }
    return value.asText();
  }

  private static String enumValue(String value, Set<String> allowed, String field) {
    return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst().orElseThrow(() -> ArmErrors.invalidContent(
        "Error converting value \"" + value + "\" for '" + field + "'. Allowed values: " + String.join(", ", allowed.stream().sorted().toList())));
  }

  private static Instant instant(JsonNode node, String field) {
    if (node == null || node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(node.asText()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(node.asText() + "Z");
      } catch (DateTimeParseException again) {
        throw ArmErrors.invalidContent("Could not convert string to DateTime: " + node.asText() + ". Path '" + field + "'");
      }
    }
  }
}
