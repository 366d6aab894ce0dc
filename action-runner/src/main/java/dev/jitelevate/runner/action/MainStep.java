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
import java.util.List;
import java.util.Optional;

/**
 * The action's main step: reads and checks every input before anything is sent, signs in, elevates, runs
 * the operation, and then revokes now (after-operation), hands the elevation to the post step (post), or
 * leaves it to expire (expire). Outputs, record, summary and artifact follow.
 */
final class MainStep {
  private final StepContext ctx;
  private final Interruption interruption;
  private HandOver handOver;
  private volatile InterruptedEnding interrupted;

  MainStep(StepContext ctx, Interruption.Factory interruptions) {
    this.ctx = ctx;
    this.interruption = interruptions.install(this::interrupted);
  }

  int run() {
    ctx.maskKnownSecrets();
    GitHubEvent event = GitHubEvent.load(ctx.env);
    IdentitySettings settings = IdentitySettings.parse(ctx.env);
    ElevationRequest request = RequestSettings.build(ctx.env, event, ctx.log);
    List<ElevationRequest> requests = TargetsInput.parse(ctx.env).map(all -> TargetsInput.requests(request, all))
        .orElse(List.of(request));
    Optional<PrivilegedOperation> operation = RotationSettings.parse(ctx.env, ctx.log, settings.cloud().cloud());
    RevokeMode revoke = RevokeMode.parse(ctx.env.input("revoke").orElse("post"), request.strategy());
    ctx.maxTokenLifetime();  // a bad value fails here, before anything is elevated
    Optional<String> artifactName = RecordFiles.artifactName(ctx.env);
    boolean upload = ctx.env.flag("upload-artifact", true);
    describe(requests, operation, revoke);

    Identities identities = Identities.create(settings, request.strategy(), ctx.env, event, ctx.log);
    Ending ending = new Ending(settings, upload, artifactName, identities);
    ProgressListener progress = new ProgressListener(ctx.log, ctx.clock);
    handOver = new HandOver(progress, ctx, interruption, revoke != RevokeMode.EXPIRE);
    interrupted = new InterruptedEnding(ctx, handOver, settings.cloud().cloud());
    SingleStepRisk.warn(ctx, settings, request.strategy());
    ctx.log.group("Sign in");
    try {
      identities.preflight();
    } finally {
      ctx.log.endGroup();
    }
    Elevator elevator = ctx.elevator(settings, identities, handOver);
    progress.targetNamedInTitle();
    ctx.log.group("Elevate: " + UntrustedText.neutralize(String.join(", ",
        requests.stream().map(r -> r.target().describe()).toList()), 1200));
    try {
      interruption.inFlight(!request.dryRun());
      if (requests.size() > 1) {
        return ending.of(new SeveralTargets(ctx, handOver, interruption).run(elevator, requests, operation, revoke));
      }
      if (request.dryRun()) {
        return ending.finish(elevator.validate(request), Optional.empty());
      }
      if (revoke == RevokeMode.AFTER_OPERATION) {
        return ending.finish(elevator.run(request, operation.orElse(NoOperation.INSTANCE)), Optional.empty());
      }
      return hold(elevator, request, operation, revoke, settings, ending);
    } finally {
      interruption.holdIfSignalled();
      ctx.log.endGroup();
    }
  }

  /** The step ended by itself: a later JVM exit is not a signal (after one, this waits for the hook to end it). */
  void uninstallInterruption() {
    interruption.uninstall();
  }

  /** What the main step writes when SIGTERM/SIGINT ends it (called from the interruption's hook). */
  void interrupted(Optional<ActivationRecord> record) {
    if (interrupted == null) {
      ctx.log.error("Cancelled", "The job was cancelled (SIGTERM/SIGINT) before anything was submitted; nothing"
          + " is active and nothing needs revoking.");
      ctx.outputs.set("status", "CANCELLED");
      ctx.log.info("\u2716 jit-elevate: interrupted before anything was submitted; exiting.");
      return;
    }
    interrupted.write(record);
  }

  private int hold(Elevator elevator, ElevationRequest request, Optional<PrivilegedOperation> operation,
      RevokeMode revoke, IdentitySettings settings, Ending ending) {
    ActiveElevation active;
    try {
      active = elevator.elevate(request);
    } catch (ElevationException e) {
      interruption.holdIfSignalled();
      return ending.finish(new ElevationOutcome(e.record().orElse(null), Optional.of(e)), Optional.empty());
    }
    interruption.holdIfSignalled();
    // The verified handle replaces the provisional one saved at submit: a kill during the operation (SIGKILL
    // leaves no shutdown hook) is still revoked by the post step instead of left to the server-side expiry.
    handOver.handle(active.handle());
    handOver.save(active.record(), PostState.Phase.OPERATION);
    Optional<ElevationException> failure = operation.flatMap(active::perform);
    interruption.holdIfSignalled();
    // From here the elevation outlives this process: the post step or the server-side expiry ends it, so the
    // lifecycle's shutdown hook must not revoke it when this JVM exits.
    active.detach();
    interruption.inFlight(false);
    ActivationRecord record = active.record();
    if (revoke == RevokeMode.EXPIRE) {
      record = Records.leftToExpire(record, active.expiresAt(), ctx.clock.instant());
      ctx.log.notice("Left to expire", "revoke: expire: " + request.target().describe() + " stays active until "
          + active.expiresAt() + ", when its server-side expiry ends it.");
      return ending.finish(new ElevationOutcome(record, failure), Optional.of(active.expiresAt()));
    }
    Path path = handOver.recordPath(record);
    new PostState(active.handle(), record, path, PostState.Phase.DONE).save(ctx.state);
    ctx.log.info("Active until " + active.expiresAt() + " at the latest; the post step revokes it at the end of the job.");
    return ending.held(record, failure, active.expiresAt(), path);
  }

  private void describe(List<ElevationRequest> requests, Optional<PrivilegedOperation> operation, RevokeMode revoke) {
    ElevationRequest request = requests.get(0);
    ctx.log.group("Request");
    requests.forEach(r -> ctx.log.info("Target: " + UntrustedText.neutralize(r.target().describe(), 400)));
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

    /** How a run of several targets ended. */
    int of(SeveralTargets.Result result) {
      if (result instanceof SeveralTargets.Result.Held h) {
        return held(h.record(), h.failure(), h.expiresAt(), h.path());
      }
      SeveralTargets.Result.Over over = (SeveralTargets.Result.Over) result;
      return finish(over.outcome(), over.expiresAt());
    }

    /** A run that is over (revoked, validated, failed, or left to expire). */
    int finish(ElevationOutcome outcome, Optional<Instant> expiresAt) {
      interruption.holdIfSignalled();
      interruption.inFlight(false);
      ActivationRecord record = outcome.record();
      if (record == null) {
        return ctx.fail(outcome.failure().orElseThrow(), Optional.of(identities));
      }
      Optional<Path> known = handOver.handle().map(h -> handOver.recordPath(record));
      handOver.save(record, PostState.Phase.DONE);
      Path path = ctx.publish(record, known, heading(record), upload, artifactName, settings.cloud().cloud());
      outputs(record, record.outcome().name(), expiresAt.or(() -> record.revocation().expiresAt())
          .or(() -> record.window().grantedEnd()), path);
      return outcome.failure().map(f -> ctx.fail(f, Optional.of(identities), TargetSections.failed(record)))
          .orElse(ExitCodes.OK);
    }

    /** A run whose elevation the post step revokes. */
    int held(ActivationRecord record, Optional<ElevationException> failure, Instant expiresAt, Path path) {
      ctx.publish(record, Optional.of(path), heading(record, "ACTIVE") + " (held for the post step)", false, artifactName,
          settings.cloud().cloud(), true);
      outputs(record, "ACTIVE", Optional.of(expiresAt), path);
      return failure.map(f -> ctx.fail(f, Optional.of(identities))).orElse(ExitCodes.OK);
    }

    private void outputs(ActivationRecord record, String status, Optional<Instant> expiresAt, Path path) {
      ctx.outputs.set("request-id", record.requestIds().isEmpty() ? "" : record.requestIds().get(0));
      ctx.outputs.set("status", status);
      if (record.targets().size() > 1) {
        ctx.outputs.set("targets", TargetSections.output(record));
      }
      OperationLines.reportUnvalidated(record, ctx.log);
      ctx.outputs.set("expires-at", expiresAt.map(Instant::toString).orElse(""));
      ctx.outputs.set("record-path", RecordFiles.outputPath(path, ctx.env));
      if (ctx.env.input("ship-endpoint").isPresent()) {
        ctx.state.set(RecordShipping.STATE, path.toString());
      }
      ctx.outputs.set("secret-versions", Records.secretVersions(record));
    }
  }

  static String heading(ActivationRecord record) {
    return heading(record, record.outcome().name());
  }

  /** The summary's heading: the role (or group) by name and the state, in the outputs' vocabulary. */
  static String heading(ActivationRecord record, String state) {
    return "jit-elevate: " + record.target().roleName().or(record.target()::roleDefinitionId).orElse(record.target().kind().wireValue())
        + " \u2014 " + state;
  }
}
