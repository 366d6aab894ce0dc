package dev.jitelevate.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.ActivationRecord.Approval;
import dev.jitelevate.core.ActivationRecord.Exposure;
import dev.jitelevate.core.ActivationRecord.Failure;
import dev.jitelevate.core.ActivationRecord.Principal;
import dev.jitelevate.core.ActivationRecord.Revocation;
import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord.Target;
import dev.jitelevate.core.ActivationRecord.TargetKind;
import dev.jitelevate.core.ActivationRecord.Timeline;
import dev.jitelevate.core.ActivationRecord.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The JSON mapping behind {@link ActivationRecords}, field by field so the format is exactly the schema's. */
final class RecordJson {
  private RecordJson() {}

  static InvalidElevationRequestException invalid(String what, String reason) {
    return new InvalidElevationRequestException(what, "The " + what + " JSON cannot be read: " + reason + ".",
        "Pass the " + what + " JSON that jit-elevate wrote (schema version " + ActivationRecord.SCHEMA_VERSION + ").");
  }

  static ObjectNode write(ObjectMapper mapper, ActivationRecord r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("schemaVersion", r.schemaVersion());
    r.requestIds().forEach(o.putArray("requestIds")::add);
    ObjectNode p = o.putObject("principal");
    p.put("id", r.principal().id());
    opt(p, "displayName", r.principal().displayName());
    opt(p, "type", r.principal().type());
    TargetSectionsJson.writeTarget(o.putObject("target"), r.target());
    o.put("strategy", r.strategy().wireValue());
    o.put("justification", r.justification());
    r.ticket().ifPresent(k -> o.putObject("ticket").put("number", k.number()).put("system", k.system()));
    TargetSectionsJson.writeWindow(o.putObject("window"), r.window());
    writeTimeline(o.putObject("timeline"), r.timeline());
    r.approval().ifPresent(a -> writeApproval(o.putObject("approval"), a));
    o.put("outcome", r.outcome().name());
    TargetSectionsJson.writeRevocation(o.putObject("revocation"), r.revocation());
    r.error().ifPresent(e -> writeFailure(o.putObject("error"), e));
    o.put("retries", r.retries());
    o.put("apiCalls", r.apiCalls());
    o.set("operation", mapper.valueToTree(r.operation()));
    o.set("ci", mapper.valueToTree(r.ci()));
    r.exposure().ifPresent(e -> writeExposure(o.putObject("exposure"), e));
    TargetSectionsJson.write(o, r.targets());
    return o;
  }

  static void writeTimeline(ObjectNode n, Timeline tl) {
    n.put("requested", tl.requested().toString());
    optInstant(n, "submitted", tl.submitted());
    optInstant(n, "approved", tl.approved());
    optInstant(n, "provisioned", tl.provisioned());
    optInstant(n, "verified", tl.verified());
    optInstant(n, "operationStarted", tl.operationStarted());
    optInstant(n, "operationEnded", tl.operationEnded());
    optInstant(n, "revoked", tl.revoked());
    optInstant(n, "finished", tl.finished());
  }

  private static void writeExposure(ObjectNode n, Exposure e) {
    ObjectNode tokens = n.putObject("tokensIssuedDuringWindow");
    tokens.put("count", e.tokensIssued());
    optInstant(tokens, "latestExpiry", e.latestTokenExpiry());
    n.put("maxAccessTokenLifetime", e.maxAccessTokenLifetime().toString());
    n.put("accessMayPersistUntil", e.accessMayPersistUntil().toString());
    n.put("explanation", e.explanation());
    e.sessionsRevoked().ifPresent(s -> {
      ObjectNode v = n.putObject("sessionsRevoked");
      v.put("at", s.at().toString());
      v.put("status", s.status().name());
      v.put("userId", s.userId());
      opt(v, "detail", s.detail());
    });
  }

  /** {@code exposure.sessionsRevoked} (1.3); absent before, or when none was asked for. */
  private static Optional<dev.jitelevate.core.SessionRevocation> readSessions(JsonNode n) {
    if (!n.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new dev.jitelevate.core.SessionRevocation(instant(n, "at"),
        dev.jitelevate.core.SessionRevocation.Status.valueOf(n.path("status").asText()), n.path("userId").asText(),
        Optional.ofNullable(n.path("detail").textValue())));
  }

  /** The {@code exposure} section (1.2); absent in older records, or when it says nothing about the end. */
  private static Optional<Exposure> readExposure(JsonNode n) {
    if (!n.isObject() || !n.has("accessMayPersistUntil")) {
      return Optional.empty();
    }
    JsonNode tokens = n.path("tokensIssuedDuringWindow");
    Duration lifetime = n.has("maxAccessTokenLifetime") ? duration(n, "maxAccessTokenLifetime")
        : Exposure.DEFAULT_MAX_ACCESS_TOKEN_LIFETIME;
    return Optional.of(new Exposure(tokens.path("count").asInt(0), optInstant(tokens, "latestExpiry"), lifetime,
        instant(n, "accessMayPersistUntil"), n.path("explanation").asText(""), readSessions(n.path("sessionsRevoked"))));
  }

  static void writeApproval(ObjectNode n, Approval a) {
    n.put("approvalId", a.approvalId());
    opt(n, "approverId", a.approverId());
    opt(n, "decision", a.decision());
    opt(n, "justification", a.justification());
    optInstant(n, "decidedAt", a.decidedAt());
  }

  static void writeFailure(ObjectNode n, Failure f) {
    n.put("kind", f.kind().name());
    opt(n, "code", f.code());
    n.put("message", f.message());
    opt(n, "azureRequestId", f.azureRequestId());
    f.suppressed().forEach(n.putArray("suppressed")::add);
  }

  static void opt(ObjectNode n, String field, Optional<String> value) {
    value.ifPresent(v -> n.put(field, v));
  }

  static void optInstant(ObjectNode n, String field, Optional<Instant> value) {
    value.ifPresent(v -> n.put(field, v.toString()));
  }

  static ActivationRecord read(ObjectMapper mapper, JsonNode o) {
    String version = text(o, "schemaVersion", "record");
    if (!version.startsWith("1.")) {
      throw invalid("record", "its schema version " + version + " is not 1.x");
    }
    List<String> ids = new ArrayList<>();
    o.path("requestIds").forEach(n -> ids.add(n.asText()));
    JsonNode p = o.path("principal");
    JsonNode t = o.path("target");
    JsonNode w = o.path("window");
    JsonNode v = o.path("revocation");
    Optional<TicketInfo> ticket = o.has("ticket")
        ? Optional.of(new TicketInfo(text(o.path("ticket"), "number", "record"), o.path("ticket").path("system").asText("")))
        : Optional.empty();
    return new ActivationRecord(version, ids,
        new Principal(text(p, "id", "record"), optText(p, "displayName"), optText(p, "type")),
        TargetSectionsJson.readTarget(t),
        strategy(text(o, "strategy", "record")), o.path("justification").asText(""), ticket,
        TargetSectionsJson.readWindow(w),
        readTimeline(o.path("timeline")), o.has("approval") ? Optional.of(readApproval(o.path("approval"))) : Optional.empty(),
        outcome(text(o, "outcome", "record")),
        TargetSectionsJson.readRevocation(v),
        o.has("error") ? Optional.of(readFailure(o.path("error"))) : Optional.empty(),
        o.path("retries").asInt(0), o.path("apiCalls").asInt(0),
        map(mapper, o.path("operation")), stringMap(o.path("ci")), readExposure(o.path("exposure")),
        TargetSectionsJson.read(o.path("targets")));
  }

  static Timeline readTimeline(JsonNode n) {
    return new Timeline(instant(n, "requested"), optInstant(n, "submitted"), optInstant(n, "approved"),
        optInstant(n, "provisioned"), optInstant(n, "verified"), optInstant(n, "operationStarted"),
        optInstant(n, "operationEnded"), optInstant(n, "revoked"), optInstant(n, "finished"));
  }

  static Approval readApproval(JsonNode n) {
    return new Approval(text(n, "approvalId", "record"), optText(n, "approverId"), optText(n, "decision"),
        optText(n, "justification"), optInstant(n, "decidedAt"));
  }

  static Failure readFailure(JsonNode n) {
    List<String> suppressed = new ArrayList<>();
    n.path("suppressed").forEach(s -> suppressed.add(s.asText()));
    return new Failure(closed(FailureKind.class, text(n, "kind", "record"), "failure kind"), optText(n, "code"), text(n, "message", "record"),
        optText(n, "azureRequestId"), suppressed);
  }

  static ActivationRecord.Outcome outcome(String text) {
    return closed(ActivationRecord.Outcome.class, text, "outcome");
  }

  static TargetKind targetKind(String text) {
    for (TargetKind k : TargetKind.values()) {
      if (k.wireValue().equals(text)) return k;
    }
    throw invalid("record", "'" + Text.printable(text) + "' is not a target kind");
  }

  private static Strategy strategy(String text) {
    for (Strategy s : Strategy.values()) {
      if (s.wireValue().equals(text)) return s;
    }
    throw invalid("record", "'" + Text.printable(text) + "' is not a strategy");
  }

  /** The constant named {@code text} exactly (the schema's spelling), or a clear error naming {@code what}. */
  static <E extends Enum<E>> E closed(Class<E> type, String text, String what) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw invalid("record", "'" + Text.printable(text) + "' is not a " + what);
    }
  }

  static ObjectNode writeHandle(ObjectMapper mapper, RevocationHandle h) {
    ObjectNode o = mapper.createObjectNode();
    o.put("strategy", h.strategy().wireValue());
    o.put("surface", h.surface().wireValue());
    o.put("principalId", h.principalId().value());
    if (h.roleDefinitionId() != null) o.put("roleDefinitionId", h.roleDefinitionId());
    o.put("scope", h.scope());
    if (h.groupAccess() != null) o.put("groupAccess", h.groupAccess().wireValue());
    if (h.requestId() != null) o.put("requestId", h.requestId());
    opt(o, "assignmentId", h.assignmentId());
    o.put("activatedAt", h.activatedAt().toString());
    o.put("expiresAt", h.expiresAt().toString());
    o.put("createdByThisRun", h.createdByThisRun());
    return o;
  }

  static RevocationHandle readHandle(JsonNode o) {
    if (!o.path("createdByThisRun").isBoolean()) {
      throw invalid("handle", "createdByThisRun is missing");
    }
    return new RevocationHandle(Strategy.parse(text(o, "strategy", "handle")), RevocationHandle.Surface.parse(text(o, "surface", "handle")),
        PrincipalId.of(text(o, "principalId", "handle")), optText(o, "roleDefinitionId").orElse(null),
        text(o, "scope", "handle"), optText(o, "groupAccess").map(GroupAccess::parse).orElse(null), optText(o, "requestId").orElse(null),
        optText(o, "assignmentId"), instant(o, "activatedAt"), instant(o, "expiresAt"),
        o.path("createdByThisRun").asBoolean());
  }

  static String text(JsonNode n, String field, String what) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw invalid(what, "the field " + field + " is missing or not text");
    }
    return v.asText();
  }

  static Optional<String> optText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  static Instant instant(JsonNode n, String field) {
    return optInstant(n, field).orElseThrow(() -> invalid("record", "the time " + field + " is missing"));
  }

  static Optional<Instant> optInstant(JsonNode n, String field) {
    try {
      return optText(n, field).map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw invalid("record", "the time " + field + " is not ISO-8601");
    }
  }

  static Duration duration(JsonNode n, String field) {
    try {
      return Duration.parse(optText(n, field).orElseThrow(() -> invalid("record", "the duration " + field + " is missing")));
    } catch (DateTimeParseException e) {
      throw invalid("record", "the duration " + field + " is not ISO-8601");
    }
  }

  private static Map<String, Object> map(ObjectMapper mapper, JsonNode n) {
    Map<String, Object> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class)));
    return out;
  }

  private static Map<String, String> stringMap(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
