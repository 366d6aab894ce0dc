package dev.jitelevate.runner.records;

import dev.jitelevate.runner.RunnerJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.audit.ship.ShipResult;
import dev.jitelevate.audit.ship.ShipTarget;
import dev.jitelevate.runner.cli.Console;

/** What {@code records ship} prints: a line per problem on stderr and the totals (or one JSON document) on stdout. */
final class ShipSummary {
  private static final ObjectMapper MAPPER = RunnerJson.MAPPER;

  private ShipSummary() {}

  static void print(Console console, ShipResult result, ShipTarget target, boolean json) {
    result.skipped().forEach(s -> console.error("skipped " + s.file() + ": " + s.reason()));
    result.refused().forEach(r -> console.error("refused " + r.file() + ": " + describe(r)));
    if (json) {
      console.result(json(result, target));
      return;
    }
    console.result("Shipped:  " + result.shipped().size() + " records to " + target.stream() + " of " + target.ruleId());
    console.result("Refused:  " + result.refused().size());
    console.result("Skipped:  " + result.skipped().size() + (result.skipped().isEmpty() ? "" : " (not records; see above)"));
  }

  static String describe(ShipResult.Refused r) {
    StringBuilder b = new StringBuilder();
    b.append(r.status() == 0 ? "not sent" : "HTTP " + r.status());
    if (!r.code().isEmpty()) {
      b.append(' ').append(r.code());
    }
    if (!r.requestId().isEmpty()) {
      b.append(" (request id ").append(r.requestId()).append(')');
    }
    b.append(": ").append(r.message());
    if (r.status() == 403) {
      b.append(" Grant the identity Monitoring Metrics Publisher on the data collection rule.");
    }
    return b.toString();
  }

  private static String json(ShipResult result, ShipTarget target) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("endpoint", target.endpoint().toString()).put("ruleId", target.ruleId()).put("stream", target.stream());
    ArrayNode shipped = o.putArray("shipped");
    result.shipped().forEach(p -> shipped.add(p.toString()));
    ArrayNode refused = o.putArray("refused");
    result.refused().forEach(r -> refused.addObject().put("file", r.file().toString()).put("status", r.status())
        .put("code", r.code()).put("requestId", r.requestId()).put("message", r.message()));
    ArrayNode skipped = o.putArray("skipped");
    result.skipped().forEach(s -> skipped.addObject().put("file", s.file().toString()).put("reason", s.reason()));
    try {
      return RunnerJson.PRETTY.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the summary", e);
    }
  }
}
