package dev.jitelevate.runner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.keyvault.StaleSecret;
import dev.jitelevate.core.keyvault.StaleSecretsReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stale-secrets result for people (lines) and for scripts (JSON): metadata and reasons, never a value. */
final class StaleSecretsJson {
  private StaleSecretsJson() {}

  static List<String> lines(StaleSecretsReport r) {
    List<String> lines = new ArrayList<>();
    lines.add(r.stale().size() + " of " + r.examined() + " secrets in " + r.vaultUrl() + " are stale (older than "
        + r.policy().maxAge().toDays() + " days, expired, or expiring within " + r.policy().expiringWithin().toDays()
        + " days).");
    for (StaleSecret s : r.stale()) {
      lines.add("  " + s.name() + ": " + s.why());
      lines.add("    created " + s.created() + s.updated().map(u -> ", updated " + u).orElse("")
          + s.expires().map(e -> ", expires " + e).orElse(", no expiry") + s.contentType().map(c -> ", " + c).orElse("")
          + (s.tags().isEmpty() ? "" : ", tags " + s.tags()));
    }
    r.ignored().forEach(i -> lines.add("  (not rotatable) " + i.name() + ": " + i.why()));
    return lines;
  }

  static String write(StaleSecretsReport r, Optional<ActivationRecord> rotation, Path recordFile) {
    ObjectNode o = Json.object();
    o.put("vault", r.vaultUrl().toString()).put("checkedAt", r.checkedAt().toString())
        .put("maxAge", r.policy().maxAge().toString()).put("expiringWithin", r.policy().expiringWithin().toString())
        .put("examined", r.examined());
    ArrayNode stale = o.putArray("stale");
    for (StaleSecret s : r.stale()) {
      ObjectNode n = stale.addObject().put("name", s.name()).put("enabled", s.enabled()).put("created", s.created().toString());
      s.updated().map(Instant::toString).ifPresent(u -> n.put("updated", u));
      s.expires().map(Instant::toString).ifPresent(e -> n.put("expires", e));
      s.contentType().ifPresent(c -> n.put("contentType", c));
      ObjectNode tags = n.putObject("tags");
      s.tags().forEach(tags::put);
      ArrayNode reasons = n.putArray("reasons");
      s.reasons().forEach(x -> reasons.addObject().put("kind", Json.lowerName(x.kind())).put("text", x.text()));
    }
    ArrayNode ignored = o.putArray("ignored");
    r.ignored().forEach(i -> ignored.addObject().put("name", i.name()).put("why", i.why()));
    rotation.ifPresent(record -> {
      ObjectNode n = o.putObject("rotation");
      n.put("outcome", record.outcome().name()).put("revocation", record.revocation().status().name());
      record.requestIds().forEach(n.putArray("requestIds")::add);
      if (recordFile != null) {
        n.put("recordFile", recordFile.toString());
      }
      n.set("record", Json.record(record));
    });
    return Json.write(o);
  }
}
