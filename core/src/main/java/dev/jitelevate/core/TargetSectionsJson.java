package dev.jitelevate.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.ActivationRecord.Revocation;
import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord.Target;
import dev.jitelevate.core.ActivationRecord.TargetSection;
import dev.jitelevate.core.ActivationRecord.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The JSON of a record's {@code target} and, since 1.3, its {@code targets} sections (one per target). */
final class TargetSectionsJson {
  private TargetSectionsJson() {}

  static void writeTarget(ObjectNode t, Target target) {
    t.put("kind", target.kind().wireValue());
    RecordJson.opt(t, "roleDefinitionId", target.roleDefinitionId());
    RecordJson.opt(t, "roleName", target.roleName());
    t.put("scope", target.scope());
    RecordJson.opt(t, "groupAccess", target.groupAccess().map(GroupAccess::wireValue));
  }

  static Target readTarget(JsonNode t) {
    return new Target(RecordJson.targetKind(RecordJson.text(t, "kind", "record")), RecordJson.optText(t, "roleDefinitionId"),
        RecordJson.optText(t, "roleName"), RecordJson.text(t, "scope", "record"),
        RecordJson.optText(t, "groupAccess").map(a -> RecordJson.closed(GroupAccess.class, a.toUpperCase(Locale.ROOT), "group access")));
  }

  static Revocation readRevocation(JsonNode v) {
    return new Revocation(RecordJson.closed(RevocationStatus.class, RecordJson.text(v, "status", "record"), "revocation status"),
        RecordJson.optInstant(v, "expiresAt"), RecordJson.optText(v, "detail"));
  }

  static void writeRevocation(ObjectNode v, Revocation r) {
    v.put("status", r.status().name());
    RecordJson.optInstant(v, "expiresAt", r.expiresAt());
    RecordJson.opt(v, "detail", r.detail());
  }

  static void writeWindow(ObjectNode w, Window window) {
    w.put("requested", window.requested().toString());
    RecordJson.optInstant(w, "grantedStart", window.grantedStart());
    RecordJson.optInstant(w, "grantedEnd", window.grantedEnd());
  }

  static Window readWindow(JsonNode w) {
    return new Window(RecordJson.duration(w, "requested"), RecordJson.optInstant(w, "grantedStart"),
        RecordJson.optInstant(w, "grantedEnd"));
  }

  /** Writes the {@code targets} array; a record of one target has none. */
  static void write(ObjectNode o, List<TargetSection> sections) {
    if (sections.isEmpty()) {
      return;
    }
    ArrayNode array = o.putArray("targets");
    for (TargetSection s : sections) {
      ObjectNode n = array.addObject();
      writeTarget(n.putObject("target"), s.target());
      s.requestIds().forEach(n.putArray("requestIds")::add);
      n.put("outcome", s.outcome().name());
      writeWindow(n.putObject("window"), s.window());
      RecordJson.writeTimeline(n.putObject("timeline"), s.timeline());
      s.approval().ifPresent(a -> RecordJson.writeApproval(n.putObject("approval"), a));
      writeRevocation(n.putObject("revocation"), s.revocation());
      s.error().ifPresent(e -> RecordJson.writeFailure(n.putObject("error"), e));
    }
  }

  /** Reads the {@code targets} array: empty for records before 1.3 and for single-target records. */
  static List<TargetSection> read(JsonNode array) {
    List<TargetSection> out = new ArrayList<>();
    for (JsonNode n : array) {
      List<String> ids = new ArrayList<>();
      n.path("requestIds").forEach(i -> ids.add(i.asText()));
      out.add(new TargetSection(readTarget(n.path("target")), ids, RecordJson.outcome(RecordJson.text(n, "outcome", "record")),
          readWindow(n.path("window")), RecordJson.readTimeline(n.path("timeline")),
          n.has("approval") ? Optional.of(RecordJson.readApproval(n.path("approval"))) : Optional.empty(),
          readRevocation(n.path("revocation")),
          n.has("error") ? Optional.of(RecordJson.readFailure(n.path("error"))) : Optional.empty()));
    }
    return out;
  }
}
