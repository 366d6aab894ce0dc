package dev.jitelevate.audit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.audit.report.ActivationReport.Count;
import dev.jitelevate.audit.report.ActivationReport.FailureRow;
import dev.jitelevate.audit.report.ActivationReport.Timing;
import java.util.List;
import java.util.Optional;

/**
 * The report's aggregates as JSON: what {@code records report --json} prints and what the HTML page draws from.
 * Durations in milliseconds ({@code …Millis}), instants in ISO-8601 UTC, days as {@code yyyy-mm-dd}.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportJson() {}

  /** Returns the aggregates as pretty-printed JSON. */
  public static String toJson(ActivationReport report) {
    return write(tree(report), true);
  }

  static String compact(ActivationReport report) {
    return write(tree(report), false);
  }

  static ObjectNode tree(ActivationReport r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("records", r.records());
    ArrayNode skipped = o.putArray("skipped");
    r.skipped().forEach(s -> skipped.addObject().put("file", s.file()).put("reason", s.reason()));
    r.firstRequested().ifPresent(t -> o.put("firstRequested", t.toString()));
    r.lastRequested().ifPresent(t -> o.put("lastRequested", t.toString()));
    ArrayNode days = o.putArray("perDay");
    r.perDay().forEach(d -> {
      ObjectNode day = days.addObject().put("date", d.date().toString()).put("total", d.total());
      ObjectNode by = day.putObject("byOutcome");
      d.byOutcome().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
          .forEach(e -> by.put(e.getKey(), e.getValue()));
    });
    counts(o.putArray("byRole"), r.byRole());
    counts(o.putArray("byScope"), r.byScope());
    timing(o.putObject("timeToProvisioned"), r.timeToProvisioned());
    timing(o.putObject("timeToEffective"), r.timeToEffective());
    counts(o.putArray("revocations"), r.revocations());
    timing(o.putObject("exposureAfterRevocation"), r.exposure());
    counts(o.putArray("topRepositories"), r.topRepositories());
    counts(o.putArray("topRequesters"), r.topRequesters());
    o.put("failureCount", r.failureCount());
    ArrayNode failures = o.putArray("failures");
    r.failures().forEach(f -> failure(failures.addObject(), f));
    return o;
  }

  private static void counts(ArrayNode into, List<Count> counts) {
    counts.forEach(c -> into.addObject().put("name", c.name()).put("count", c.count()));
  }

  private static void timing(ObjectNode o, Timing t) {
    o.put("count", t.count()).put("p50Millis", t.p50Millis()).put("p95Millis", t.p95Millis())
        .put("maxMillis", t.maxMillis());
    ArrayNode bins = o.putArray("histogram");
    t.histogram().forEach(b -> bins.addObject().put("fromMillis", b.fromMillis()).put("toMillis", b.toMillis())
        .put("count", b.count()));
  }

  private static void failure(ObjectNode o, FailureRow f) {
    o.put("requested", f.requested().toString()).put("outcome", f.outcome()).put("kind", f.kind());
    opt(o, "code", f.code());
    o.put("message", f.message());
    f.requestIds().forEach(o.putArray("requestIds")::add);
    opt(o, "azureRequestId", f.azureRequestId());
    o.put("target", f.target()).put("requester", f.requester());
    opt(o, "repository", f.repository());
    opt(o, "runUrl", f.runUrl());
  }

  private static void opt(ObjectNode o, String field, Optional<String> value) {
    value.ifPresent(v -> o.put(field, v));
  }

  private static String write(ObjectNode node, boolean pretty) {
    try {
      return pretty ? MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node)
          : MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the report's JSON", e);
    }
  }
}
