package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.CloudHttp;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.runner.ExitCodes;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code mode: revoke}, the broker's revoke job of the hardened pattern ({@code if: always()}): signs in as the
 * broker and removes what the grant job assigned, from its {@code revocation-handle}, only when the handle was
 * granted to this job's own workflow run (its verified ID token's repository and run id); completes the record.
 */
final class RevokeJobStep {
  private final StepContext ctx;

  RevokeJobStep(StepContext ctx) {
    this.ctx = ctx;
  }

  int run() {
    ctx.maskKnownSecrets();
    GitHubEvent event = GitHubEvent.load(ctx.env);
    IdentitySettings settings = IdentitySettings.parse(ctx.env, false);
    String text = ctx.env.input("revocation-handle").orElse("");
    if (text.isBlank()) {
      ctx.log.notice("Nothing to revoke", "No revocation-handle was given: the grant job granted nothing (it was"
          + " denied, failed or skipped).");
      ctx.outputs.set("status", "SKIPPED");
      return ExitCodes.OK;
    }
    GrantHandle granted = GrantHandle.decode(text);
    Optional<PrincipalId> expected = ctx.env.input("principal-id").map(PrincipalId::of);
    if (expected.isPresent() && !expected.get().equals(granted.handle().principalId())) {
      throw ActionFailure.input("revocation-handle", "The handle is for another principal than principal-id;"
          + " pass the grant job's output of this run.");
    }
    GitHubOidc oidc = GitHubOidc.forJob(ctx.env, settings, event, ctx.log);
    RunBinding.requireSameRun(granted.record(), BrokerGate.verifyOwnToken(ctx.env, ctx, oidc.idToken(),
        CloudHttp.okHttp(settings.cloud().cloud())));
    Identities identities = Identities.brokerOnly(settings, oidc, ctx.env, ctx.log);
    ctx.log.group("Sign in as the broker");
    try {
      identities.preflight();
    } finally {
      ctx.log.endGroup();
    }
    Elevator elevator = ctx.elevator(settings, identities);
    ActivationRecord record;
    ctx.log.group("Revoke");
    try {
      record = elevator.revoke(granted.handle(), granted.record());
    } catch (ElevationException e) {
      return ctx.fail(e, Optional.of(identities));
    } finally {
      ctx.log.endGroup();
    }
    Path path = ctx.publish(record, Optional.empty(), MainStep.heading(record), ctx.env.flag("upload-artifact", true),
        RecordFiles.artifactName(ctx.env), settings.cloud().cloud());
    ctx.outputs.set("request-id", record.requestIds().isEmpty() ? "" : record.requestIds().get(0));
    ctx.outputs.set("status", record.outcome().name());
    ctx.outputs.set("record-path", RecordFiles.outputPath(path, ctx.env));
    return ExitCodes.OK;
  }
}
