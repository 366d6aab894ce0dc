package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Outcome;
import dev.jitelevate.core.ActivationRecord.Revocation;
import dev.jitelevate.core.ActivationRecord.Timeline;
import java.time.Instant;
import dev.jitelevate.core.ActivationRecord.Failure;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.keyvault.RotationResult;
import java.util.LinkedHashMap;
import java.util.List;
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
        new Revocation(ActivationRecord.RevocationStatus.LEFT_TO_EXPIRE, Optional.of(expiresAt), Optional.of("revoke: expire; the server-side expiry ends it.")),
        r.error(), r.retries(), r.apiCalls(), r.operation(), r.ci(), r.exposure()).withTargets(r.targets());
  }

  /**
   * The record of a main step that was killed (SIGKILL, a lost runner) after it saved its state in {@code phase}:
   * FAILED with an INTERRUPTED error saying where, and a validation that was still running marked as never
   * decided. The post step continues from it, so no kill is reported as success.
   */
  static ActivationRecord mainStepKilled(ActivationRecord r, PostState.Phase phase, Instant now) {
    String where = phase == PostState.Phase.SUBMITTED
        ? "after it submitted the request and before the elevation was verified"
        : "while the operation '" + r.operation().getOrDefault("name", "operation") + "' ran";
    Failure failure = new Failure(FailureKind.INTERRUPTED, Optional.of("MainStepKilled"), "The main step ended "
        + "without finishing (killed, e.g. SIGKILL or a lost runner) " + where + "; the post step revoked what it held.",
        Optional.empty(), r.error().map(e -> List.of(e.kind() + ": " + e.message())).orElse(List.of()));
    Map<String, Object> operation = new LinkedHashMap<>(r.operation());
    OperationLines.rotation(r).ifPresent(result -> operation.put("result", undecided(result).toMap()));
    Timeline t = r.timeline();
    Timeline timeline = new Timeline(t.requested(), t.submitted(), t.approved(), t.provisioned(), t.verified(),
        t.operationStarted(), t.operationStarted().isPresent() ? t.operationEnded().or(() -> Optional.of(now))
        : t.operationEnded(), t.revoked(), t.finished());
    return new ActivationRecord(r.schemaVersion(), r.requestIds(), r.principal(), r.target(), r.strategy(),
        r.justification(), r.ticket(), r.window(), timeline, r.approval(), Outcome.FAILED, r.revocation(),
        Optional.of(failure), r.retries(), r.apiCalls(), operation, r.ci(), r.exposure()).withTargets(r.targets());
  }

  private static RotationResult undecided(RotationResult result) {
    List<RotationResult.Secret> secrets = result.secrets().stream().map(s -> s.validation().outcome()
        != RotationResult.ValidationOutcome.PENDING || s.newVersion().isEmpty() ? s
        : new RotationResult.Secret(s.name(), s.previousVersion(), s.newVersion(), s.currentVersion(),
            new RotationResult.Validation(RotationResult.ValidationOutcome.INTERRUPTED, s.validation().validator(),
                Optional.of("the main step was killed before the validator decided"), s.validation().output()),
            s.rollback())).toList();
    return new RotationResult(result.vault(), result.rollbackMode(), secrets);
  }

  /**
   * The secret versions current after the rotation (the new one, or the one a rollback left current), as
   * {@code {"name":"version"}} JSON (never values); empty when no rotation ran.
   */
  static String secretVersions(ActivationRecord r) {
    Map<String, String> versions = new LinkedHashMap<>();
    OperationLines.rotation(r).ifPresent(result -> result.secrets().forEach(s ->
        s.currentVersion().ifPresent(v -> versions.put(s.name(), v))));
    try {
      return versions.isEmpty() ? "" : dev.jitelevate.runner.RunnerJson.MAPPER.writeValueAsString(versions);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
