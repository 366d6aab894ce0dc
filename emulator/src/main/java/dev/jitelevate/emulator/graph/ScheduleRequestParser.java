package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Turns a POSTed schedule request body into a {@link ScheduleRequest}; accepts PascalCase or camelCase enums. */
final class ScheduleRequestParser {
  static final List<String> ACTIONS = List.of("adminAssign", "adminUpdate", "adminRemove", "selfActivate",
      "selfDeactivate", "adminExtend", "adminRenew", "selfExtend", "selfRenew");

  private ScheduleRequestParser() {}

  static ScheduleRequest parse(JsonNode body, ScheduleRequest.Type type, PimTarget.Kind kind, Caller caller,
      Instant now) {
    if (!body.isObject()) {
      throw GraphException.invalidRequest("The request body must be a JSON object.");
    }
    String action = action(Json.text(body, "action"));
    String principalId = required(body, "principalId");
    PimTarget target = kind == PimTarget.Kind.DIRECTORY ? directoryTarget(body) : groupTarget(body);
    JsonNode ticket = body.path("ticketInfo");
    return new ScheduleRequest(PimIds.newGuid(), type, action, principalId.toLowerCase(Locale.ROOT), target,
        Json.text(body, "justification"), Json.text(ticket, "ticketNumber"), Json.text(ticket, "ticketSystem"),
        Json.text(body, "customData"), schedule(body.path("scheduleInfo")),
        body.path("isValidationOnly").asBoolean(false), now,
        caller.isApp() ? null : caller.objectId(), caller.isApp() ? caller.appId() : null);
  }

  private static String action(String raw) {
    if (raw == null) {
      throw GraphException.invalidRequest("The 'action' property is required; use e.g. selfActivate or adminAssign.");
    }
    return ACTIONS.stream().filter(a -> a.equalsIgnoreCase(raw)).findFirst()
        .orElseThrow(() -> GraphException.invalidRequest("Invalid value '" + raw + "' for 'action'; expected one of "
            + String.join(", ", ACTIONS) + "."));
  }

  private static PimTarget directoryTarget(JsonNode body) {
    String role = required(body, "roleDefinitionId");
    String scope = Json.text(body, "directoryScopeId");
    if (scope == null && Json.text(body, "appScopeId") == null) {
      throw GraphException.invalidRequest("Either 'directoryScopeId' or 'appScopeId' is required; use"
          + " directoryScopeId '/' for the whole tenant.");
    }
    return PimTarget.directoryRole(role, scope == null ? "/" : scope);
  }

  private static PimTarget groupTarget(JsonNode body) {
    String groupId = required(body, "groupId");
    String accessId = required(body, "accessId");
    if (!accessId.equalsIgnoreCase("member") && !accessId.equalsIgnoreCase("owner")) {
      throw GraphException.invalidRequest("Invalid value '" + accessId + "' for 'accessId'; expected member or owner.");
    }
    return PimTarget.group(groupId, accessId.toLowerCase(Locale.ROOT));
  }

  private static RequestSchedule schedule(JsonNode info) {
    JsonNode expiration = info.path("expiration");
    return new RequestSchedule(instant(Json.text(info, "startDateTime"), "scheduleInfo.startDateTime"),
        RequestSchedule.normaliseType(Json.text(expiration, "type")), durationText(Json.text(expiration, "duration")),
        instant(Json.text(expiration, "endDateTime"), "scheduleInfo.expiration.endDateTime"));
  }

  private static String durationText(String duration) {
    if (duration != null) {
      RequestSchedule.parseDuration(duration);
    }
    return duration;
  }

  private static Instant instant(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw GraphException.invalidRequest("Invalid date-time '" + text + "' for " + field
            + "; use ISO-8601, e.g. 2024-01-01T00:00:00Z.");
      }
    }
  }

  private static String required(JsonNode body, String field) {
    String value = Json.text(body, field);
    if (value == null || value.isBlank()) {
      throw GraphException.invalidRequest("The '" + field + "' property is required.");
    }
    return value;
  }
}
