package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.runner.ExitCodes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The action's main step: reads and checks every input before anything is sent, signs in, elevates, runs
 * the operation, and then revokes now (after-operation), hands the elevation to the post step (post), or
 * leaves it to expire (expire). Outputs, record, summary and artifact follow.
 */
final class MainStep {
  private final StepContext ctx;

  MainStep(StepContext ctx) {
    this.ctx = ctx;
  }

  int run() {
    ctx.maskKnownSecrets();
    GitHubEvent event = GitHubEvent.load(ctx.env);
    IdentitySettings settings = IdentitySettings.parse(ctx.env);
    ElevationRequest request = RequestSettings.build(ctx.env, event);
    Optional<PrivilegedOperation> operation = RotationSettings.parse(ctx.env, ctx.log, settings.cloud().cloud());
    RevokeMode revoke = RevokeMode.parse(ctx.env.input("revoke").orElse("post"));
    Optional<String> artifactName = RecordFiles.artifactName(ctx.env);
    boolean upload = ctx.env.flag("upload-artifact", true);
    describe(request, operation, revoke);

    Identities identities = Identities.create(settings, request.strategy(), ctx.env, event, ctx.log);
    ctx.log.group("Sign in");
    try {
      identities.preflight();
    } finally {
      ctx.log.endGroup();
    }
    Elevator elevator = ctx.elevator(settings, identities);
    Ending ending = new Ending(settings, upload, artifactName, identities);
    ctx.log.group("Elevate: " + request.target().describe());
    try {
      if (request.dryRun()) {
        return ending.finish(elevator.validate(request), Optional.empty());
      }
      if (revoke == RevokeMode.AFTER_OPERATION) {
        return ending.finish(elevator.run(request, operation.orElse(NoOperation.INSTANCE)), Optional.empty());
      }
      return hold(elevator, request, operation, revoke, settings, ending);
    } finally {
      ctx.log.endGroup();
    }
  }

  private int hold(Elevator elevator, ElevationRequest request, Optional<PrivilegedOperation> operation,
      RevokeMode revoke, IdentitySettings settings, Ending ending) {
    ActiveElevation active;
    try {
      active = elevator.elevate(request);
    } catch (ElevationException e) {
      return ending.finish(new ElevationOutcome(e.record().orElse(null), Optional.of(e)), Optional.empty());
    }
    // Hand the elevation to the post step before the operation runs: if this process is killed during it (SIGKILL
    // leaves no shutdown hook), the post step still revokes instead of leaving it to the server-side expiry.
    // The state is saved again below with the final record; the runner keeps the last value of each name.
    if (revoke == RevokeMode.POST) {
      new PostState(active.handle(), active.record(), RecordFiles.pathFor(active.record(), ctx.env)).save(ctx.state);
    }
    Optional<ElevationException> failure = operation.flatMap(active::perform);
    // From here the elevation outlives this process: the post step or the server-side expiry ends it, so the
    // lifecycle's shutdown hook must not revoke it when this JVM exits.
    active.detach();
    ActivationRecord record = active.record();
    if (revoke == RevokeMode.EXPIRE) {
      record = Records.leftToExpire(record, active.expiresAt(), ctx.clock.instant());
      ctx.log.notice("Left to expire", "revoke: expire: " + request.target().describe() + " stays active until "
          + active.expiresAt() + ", when its server-side expiry ends it.");
      return ending.finish(new ElevationOutcome(record, failure), Optional.of(active.expiresAt()));
    }
    Path path = RecordFiles.pathFor(record, ctx.env);
    new PostState(active.handle(), record, path).save(ctx.state);
    ctx.log.info("Active until " + active.expiresAt() + " at the latest; the post step revokes it at the end of the job.");
    return ending.held(record, failure, active.expiresAt(), path);
  }

  private void describe(ElevationRequest request, Optional<PrivilegedOperation> operation, RevokeMode revoke) {
    ctx.log.group("Request");
    ctx.log.info("Target: " + UntrustedText.neutralize(request.target().describe(), 400));
    ctx.log.info("Principal: " + request.principal().map(Object::toString).orElse("the signed-in workload identity"));
    ctx.log.info("Strategy: " + request.strategy().wireValue() + ", duration " + dev.jitelevate.core.Durations.format(request.duration())
        + ", revoke " + revoke.wireValue() + (request.dryRun() ? ", dry-run" : ""));
    ctx.log.info("Operation: " + operation.map(PrivilegedOperation::name).orElse("none"));
    ctx.log.info("Justification: " + UntrustedText.neutralize(request.justification(), 500));
    request.ticket().ifPresent(t -> ctx.log.info("Ticket: " + UntrustedText.neutralize(t.number(), 100)));
    ctx.log.endGroup();
  }

  /** Outputs, record, summary and exit code for the ways the main step ends. */
  private final class Ending {
    private final IdentitySettings settings;
    private final boolean upload;
    private final Optional<String> artifactName;
    private final Identities identities;

    Ending(IdentitySettings settings, boolean upload, Optional<String> artifactName, Identities identities) {
      this.settings = settings;
      this.upload = upload;
      this.artifactName = artifactName;
      this.identities = identities;
    }

    /** A run that is over (revoked, validated, failed, or left to expire). */
    int finish(ElevationOutcome outcome, Optional<Instant> expiresAt) {
      ActivationRecord record = outcome.record();
      if (record == null) {
        return ctx.fail(outcome.failure().orElseThrow(), Optional.of(identities));
      }
      Path path = ctx.publish(record, Optional.empty(), heading(record), upload, artifactName, settings.cloud().cloud());
      outputs(record, record.outcome().name(), expiresAt.or(() -> record.revocation().expiresAt())
          .or(() -> record.window().grantedEnd()), path);
      return outcome.failure().map(f -> ctx.fail(f, Optional.of(identities))).orElse(ExitCodes.OK);
    }

    /** A run whose elevation the post step revokes. */
    int held(ActivationRecord record, Optional<ElevationException> failure, Instant expiresAt, Path path) {
      ctx.publish(record, Optional.of(path), heading(record) + " (held for the post step)", false, artifactName,
          settings.cloud().cloud());
      outputs(record, "ACTIVE", Optional.of(expiresAt), path);
      return failure.map(f -> ctx.fail(f, Optional.of(identities))).orElse(ExitCodes.OK);
    }

    private void outputs(ActivationRecord record, String status, Optional<Instant> expiresAt, Path path) {
      ctx.outputs.set("request-id", record.requestIds().isEmpty() ? "" : record.requestIds().get(0));
      ctx.outputs.set("status", status);
      ctx.outputs.set("expires-at", expiresAt.map(Instant::toString).orElse(""));
      ctx.outputs.set("record-path", path.toString());
      if (ctx.env.input("ship-endpoint").isPresent()) {
        ctx.state.set(RecordShipping.STATE, path.toString());
      }
      ctx.outputs.set("secret-versions", Records.secretVersions(record));
    }
  }

  static String heading(ActivationRecord record) {
    return "jit-elevate: " + record.target().roleName().or(record.target()::roleDefinitionId).orElse(record.target().kind())
        + " \u2014 " + record.outcome();
  }
}
