package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.runner.ExitCodes;
import java.util.Optional;

/**
 * The action's post step, which the runner runs at the end of the job even when the job failed: revokes
 * whatever the main step elevated and left for it, finishes the record, and publishes it.
 */
final class PostStep {
  private final StepContext ctx;

  PostStep(StepContext ctx) {
    this.ctx = ctx;
  }

  int run() {
    ctx.maskKnownSecrets();
    Optional<PostState> state = PostState.load(ctx.env);
    if (state.isEmpty()) {
      ctx.log.info("jit-elevate: nothing to revoke (the main step left no active elevation).");
      shipRecordOfMainStep();
      return ExitCodes.OK;
    }
    PostState s = state.get();
    if (s.phase() == PostState.Phase.DONE && s.record().revocation().status() != ActivationRecord.RevocationStatus.PENDING) {
      ctx.log.info("jit-elevate: nothing to revoke (the main step's record says " + s.record().revocation().status()
          + ", outcome " + s.record().outcome() + ").");
      shipRecordOfMainStep();
      return ExitCodes.OK;
    }
    if (s.phase() != PostState.Phase.DONE) {
      s = new PostState(s.handle(), Records.mainStepKilled(s.record(), s.phase(), ctx.clock.instant()), s.recordPath(),
          s.phase());
    }
    IdentitySettings settings = IdentitySettings.parse(ctx.env);
    GitHubEvent event = GitHubEvent.load(ctx.env);
    Identities identities = Identities.create(settings, s.handle().strategy(), ctx.env, event, ctx.log);
    if (s.phase() != PostState.Phase.DONE) {
      // Roll back first, while the elevation's access still works: the revoke ends it.
      s = new PostState(s.handle(), new KilledRotation(ctx).rollBack(s.record(), s.handle().requestId(), identities,
          settings.cloud().cloud()), s.recordPath(), s.phase());
    }
    try {
      return revoke(s, settings, identities);
    } finally {
      new RecordShipping(ctx).shipIfConfigured(Optional.of(s.recordPath()), () -> identities, settings.cloud().cloud());
    }
  }

  private void shipRecordOfMainStep() {
    if (ctx.env.input("ship-endpoint").isEmpty()) {
      return;
    }
    try {
      IdentitySettings settings = IdentitySettings.parse(ctx.env);
      new RecordShipping(ctx).shipIfConfigured(RecordShipping.recordOfMainStep(ctx.env), () -> Identities.create(
          settings, dev.jitelevate.core.Strategy.SELF, ctx.env, GitHubEvent.load(ctx.env), ctx.log), settings.cloud().cloud());
    } catch (RuntimeException e) {
      ctx.log.warning("Record not shipped", "The record cannot be shipped: "
          + UntrustedText.neutralize(ctx.log.redact(String.valueOf(e.getMessage())), 400));
    }
  }

  private int revoke(PostState s, IdentitySettings settings, Identities identities) {
    ProgressListener progress = new ProgressListener(ctx.log, ctx.clock);
    progress.targetNamedInTitle();
    Elevator elevator = ctx.elevator(settings, identities, progress);
    ActivationRecord record;
    Optional<TargetHandles> several = TargetHandles.load(ctx.env).filter(t -> t.parts().size() > 1);
    java.time.Instant revokeStarted = ctx.clock.instant();
    if (several.isPresent()) {
      record = new TargetsRevoke(ctx, elevator).revoke(s.record(), several.get());
      return report(s, record, settings, revokeStarted);
    }
    ctx.log.group("Revoke: " + UntrustedText.neutralize(s.record().target().roleName()
        .or(s.record().target()::roleDefinitionId).orElse(s.record().target().kind().wireValue()), 120) + " at "
        + UntrustedText.neutralize(s.record().target().scope(), 200) + " (request "
        + UntrustedText.neutralize(String.valueOf(s.handle().requestId()), 100) + ")");
    try {
      record = elevator.revoke(s.handle(), s.record());
    } finally {
      ctx.log.endGroup();
    }
    return report(s, record, settings, revokeStarted);
  }

  /** Publishes the revoked record, reports a killed main step, and says how the revocation went. */
  private int report(PostState s, ActivationRecord record, IdentitySettings settings, java.time.Instant revokeStarted) {
    boolean upload = ctx.env.flag("upload-artifact", true);
    ctx.publish(record, Optional.of(s.recordPath()), MainStep.heading(record), upload,
        safeArtifactName(), settings.cloud().cloud(), false, Optional.of(revokeStarted));
    if (s.phase() != PostState.Phase.DONE) {
      OperationLines.validatorOutput(record).forEach(l -> ctx.log.info(UntrustedText.neutralize(l, 400)));
      ctx.log.error("Main step killed", UntrustedText.neutralize(ctx.log.redact(record.error().map(e -> e.message())
          .orElse("The main step ended without finishing.") + " " + String.join(" ", OperationLines.describe(record))), 1500));
      OperationLines.reportUnvalidated(record, ctx.log);
    }
    if (record.revocation().status() == ActivationRecord.RevocationStatus.FAILED) {
      ctx.log.error("Revocation failed", "Revoking " + (record.targets().size() > 1 ? "the targets"
          : "request " + s.handle().requestId()) + " failed: "
          + UntrustedText.neutralize(ctx.log.redact(record.revocation().detail().orElse("")), 800)
          + " It ends by itself at " + s.handle().expiresAt() + "; remove it earlier in the portal or with 'jit-elevate revoke'.");
      return ExitCodes.of(FailureKind.REVOKE_FAILED);
    }
    ctx.log.info("Revocation: " + record.revocation().status() + record.revocation().detail()
        .map(d -> " (" + UntrustedText.neutralize(d, 300) + ")").orElse(""));
    return ExitCodes.OK;
  }

  private Optional<String> safeArtifactName() {
    try {
      return RecordFiles.artifactName(ctx.env);
    } catch (ActionFailure e) {
      return Optional.empty();
    }
  }
}
