package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Outcome;
import dev.jitelevate.core.ActivationRecord.Revocation;
import dev.jitelevate.core.ActivationRecord.Timeline;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Derives records for the states only the action knows: an elevation left to expire, the rotated versions. */
final class Records {
  private Records() {}

  /** The record of an elevation the action leaves to its server-side expiry: finished, LEFT_TO_EXPIRE. */
  static ActivationRecord leftToExpire(ActivationRecord r, Instant expiresAt, Instant now) {
    Timeline t = r.timeline();
    Timeline timeline = new Timeline(t.requested(), t.submitted(), t.approved(), t.provisioned(), t.verified(),
        t.operationStarted(), t.operationEnded(), t.revoked(), Optional.of(now));
    Outcome outcome = r.outcome() == Outcome.IN_PROGRESS ? Outcome.SUCCEEDED : r.outcome();
    return new ActivationRecord(r.schemaVersion(), r.requestIds(), r.principal(), r.target(), r.strategy(),
        r.justification(), r.ticket(), r.window(), timeline, r.approval(), outcome,
        new Revocation("LEFT_TO_EXPIRE", Optional.of(expiresAt), Optional.of("revoke: expire; the server-side expiry ends it.")),
        r.error(), r.retries(), r.apiCalls(), r.operation(), r.ci());
  }

  /** The new secret versions the rotation noted, as {@code {"name":"version"}} JSON (never values). */
  static String secretVersions(ActivationRecord r) {
    Map<String, String> versions = new LinkedHashMap<>();
    Object notes = r.operation().get("notes");
    if (notes instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        String key = String.valueOf(k);
        if (key.startsWith("keyvault.secret.") && v instanceof Map<?, ?> entry && entry.get("newVersion") != null) {
          versions.put(key.substring("keyvault.secret.".length()), String.valueOf(entry.get("newVersion")));
        }
      });
    }
    try {
      return versions.isEmpty() ? "" : new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(versions);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
