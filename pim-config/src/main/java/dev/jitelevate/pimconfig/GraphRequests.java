package dev.jitelevate.pimconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Graph schedule requests for directory roles ({@code unifiedRole…ScheduleRequest}) and PIM for Groups
 * ({@code privilegedAccessGroup…ScheduleRequest}): their bodies, and the channel apply sends them through.
 */
final class GraphRequests {
  private GraphRequests() {}

  static Applier.Channel channel(GraphPim graph, Step.GraphRequest step, Instant now, String file) {
    Surface surface = step.change().surface();
    return new Applier.Channel() {
      private String id;

      @Override
      public JsonNode send() {
        JsonNode created = graph.request(surface, step.kind(), body(step, surface, now, file));
        id = created.path("id").asText();
        return created;
      }

      @Override
      public JsonNode poll() {
        return graph.requestStatus(surface, step.kind(), id);
      }
    };
  }

  static ObjectNode body(Step.GraphRequest step, Surface surface, Instant now, String file) {
    ObjectNode b = JsonNodeFactory.instance.objectNode();
    b.put("action", step.action()).put("principalId", step.principal().id());
    if (surface == Surface.GROUPS) {
      b.put("groupId", step.targetId()).put("accessId", step.scope());
    } else {
      b.put("roleDefinitionId", step.targetId()).put("directoryScopeId", step.scope());
    }
    b.put("justification", "jit-elevate pim apply: " + step.change().subject() + " (" + file + ")");
    if (!step.action().equals("adminRemove")) {
      ObjectNode schedule = b.putObject("scheduleInfo");
      schedule.put("startDateTime", now.toString());
      ObjectNode expiration = schedule.putObject("expiration");
      if (step.end().isPresent()) {
        expiration.put("type", "afterDateTime").put("endDateTime", step.end().get().toString());
      } else if (step.duration().isPresent()) {
        expiration.put("type", "afterDuration").put("duration", IsoDurations.format(step.duration().get()));
      } else {
        expiration.put("type", "noExpiration");
      }
    }
    return b;
  }
}
