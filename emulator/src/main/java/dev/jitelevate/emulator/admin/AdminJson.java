package dev.jitelevate.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.entra.GitHubContext;
import dev.jitelevate.emulator.entra.OidcCustomization;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.server.Durations;
import dev.jitelevate.emulator.server.FaultRule;
import java.time.Duration;
import java.util.Locale;

/** JSON forms of the admin API's inputs and outputs: hazards, fault rules, the GitHub job context and OIDC customization. */
final class AdminJson {
  private AdminJson() {}

  static ObjectNode hazards(Hazards h) {
    return Json.object()
        .put("provisioningDelay", h.provisioningDelay().toString())
        .put("propagationDelay", h.propagationDelay().toString())
        .put("minimumActiveDuration", h.minimumActiveDuration().toString())
        .put("throttleRps", h.throttleRps())
        .put("faultRate", h.faultRate())
        .put("latency", h.latency().toString())
        .put("approvalStageTimeout", h.approvalStageTimeout().toString())
        .put("tokenLifetime", h.tokenLifetime().toString());
  }

  /** Applies the fields present in the body to the current hazards; absent fields keep their value. */
  static Hazards hazards(Hazards current, JsonNode body) {
    requireObject(body);
    return new Hazards(
        duration(body, "provisioningDelay", current.provisioningDelay()),
        duration(body, "propagationDelay", current.propagationDelay()),
        duration(body, "minimumActiveDuration", current.minimumActiveDuration()),
        number(body, "throttleRps", current.throttleRps()),
        number(body, "faultRate", current.faultRate()),
        duration(body, "latency", current.latency()),
        duration(body, "approvalStageTimeout", current.approvalStageTimeout()),
        duration(body, "tokenLifetime", current.tokenLifetime()));
  }

  static FaultRule faultRule(JsonNode body) {
    requireObject(body);
    String kindText = Json.text(body, "kind");
    if (kindText == null) {
      throw new IllegalArgumentException("A fault rule needs 'kind': STATUS, RESET or LATENCY.");
    }
    FaultRule.Kind kind;
    try {
      kind = FaultRule.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown fault kind '" + kindText + "'; use STATUS, RESET or LATENCY.");
    }
    return new FaultRule(Json.text(body, "method"), Json.text(body, "pathRegex"), kind,
        body.path("status").asInt(kind == FaultRule.Kind.STATUS ? 503 : 0), body.path("retryAfterSeconds").asInt(0),
        duration(body, "latency", Duration.ZERO), body.path("count").asInt(1));
  }

  static ObjectNode faultRule(FaultRule rule) {
    return Json.object().put("method", rule.method()).put("pathRegex", rule.pathRegex())
        .put("kind", rule.kind().name()).put("status", rule.status()).put("retryAfterSeconds", rule.retryAfterSeconds())
        .put("latency", rule.latency().toString()).put("count", rule.count());
  }

  static ObjectNode github(GitHubContext c) {
    return Json.object().put("repository", c.repository()).put("ref", c.ref()).put("sha", c.sha())
        .put("eventName", c.eventName()).put("environment", c.environment()).put("actor", c.actor())
        .put("runId", c.runId()).put("runAttempt", c.runAttempt()).put("workflow", c.workflow())
        .put("headRef", c.headRef()).put("baseRef", c.baseRef()).put("fork", c.fork())
        .put("subject", c.subject());
  }

  /** Applies the fields present in the body to the current job context. */
  static GitHubContext github(GitHubContext c, JsonNode b) {
    requireObject(b);
    return new GitHubContext(text(b, "requestToken", c.requestToken()), text(b, "repository", c.repository()),
        text(b, "ref", c.ref()), text(b, "sha", c.sha()), text(b, "eventName", c.eventName()),
        text(b, "environment", c.environment()), text(b, "actor", c.actor()), text(b, "runId", c.runId()),
        text(b, "runAttempt", c.runAttempt()), text(b, "workflow", c.workflow()), text(b, "headRef", c.headRef()),
        text(b, "baseRef", c.baseRef()), b.has("fork") ? b.path("fork").asBoolean() : c.fork());
  }

  static ObjectNode oidc(OidcCustomization c) {
    ObjectNode body = Json.object();
    body.put("jobWorkflowRef", c.jobWorkflowRef().orElse(null)).put("jobWorkflowSha", c.jobWorkflowSha().orElse(null));
    c.subjectClaimKeys().forEach(body.putArray("subjectClaimKeys")::add);
    return body;
  }

  /**
   * Applies the fields present in the body to the OIDC customization: {@code jobWorkflowRef} and
   * {@code jobWorkflowSha} (null: the job runs in the caller's own workflow), {@code subjectClaimKeys}.
   */
  static OidcCustomization oidc(OidcCustomization c, JsonNode b) {
    requireObject(b);
    OidcCustomization updated = c;
    if (b.has("jobWorkflowRef") || b.has("jobWorkflowSha")) {
      String ref = b.has("jobWorkflowRef") ? Json.text(b, "jobWorkflowRef") : c.jobWorkflowRef().orElse(null);
      String sha = b.has("jobWorkflowSha") ? Json.text(b, "jobWorkflowSha")
          : ref == null ? null : c.jobWorkflowSha().orElse(null);
      if (ref == null && sha != null) {
        throw new IllegalArgumentException("'jobWorkflowSha' needs 'jobWorkflowRef' (the reusable workflow it is the commit of).");
      }
      updated = ref == null ? updated.withoutReusableWorkflow() : updated.withReusableWorkflow(ref, sha);
    }
    if (b.has("subjectClaimKeys")) {
      JsonNode keys = b.get("subjectClaimKeys");
      if (!keys.isArray()) {
        throw new IllegalArgumentException("'subjectClaimKeys' must be an array of claim names, e.g. [\"repo\", \"context\"].");
      }
      java.util.List<String> names = new java.util.ArrayList<>();
      keys.forEach(k -> names.add(k.asText()));
      updated = updated.withSubjectClaims(names);
    }
    return updated;
  }

  private static String text(JsonNode body, String field, String current) {
    return body.has(field) ? Json.text(body, field) : current;
  }

  private static Duration duration(JsonNode body, String field, Duration current) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return current;
    }
    if (value.isNumber()) {
      return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }
    try {
      return Durations.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Field '" + field + "': " + e.getMessage());
    }
  }

  private static double number(JsonNode body, String field, double current) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return current;
    }
    if (!value.isNumber()) {
      throw new IllegalArgumentException("Field '" + field + "' must be a number, not " + value);
    }
    return value.asDouble();
  }

  private static void requireObject(JsonNode body) {
    if (!body.isObject()) {
      throw new IllegalArgumentException("The request body must be a JSON object.");
    }
  }
}
