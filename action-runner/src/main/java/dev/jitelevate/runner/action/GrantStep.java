package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.CloudHttp;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.broker.Decision;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mode: grant}, the broker's grant job of the hardened pattern: verifies this job's ID token and decides
 * the request with the broker policy before anything is sent, then signs in as the broker only and assigns
 * the caller's workload identity ({@code principal-id}) with a server-side expiry. The revocation handle goes
 * to the revoke job through the {@code revocation-handle} output; nothing is revoked in this job.
 */
final class GrantStep {
  static final String RULE_LABEL = "broker.policy.rule";
  static final String DECISION_LABEL = "broker.policy.decision";
  private final StepContext ctx;

  GrantStep(StepContext ctx) {
    this.ctx = ctx;
  }

  int run() {
    ctx.maskKnownSecrets();
    GitHubEvent event = GitHubEvent.load(ctx.env);
    IdentitySettings settings = IdentitySettings.parse(ctx.env, false);
    ElevationRequest asked = RequestSettings.build(ctx.env, event, ctx.log);
    requireBrokerRequest(asked, settings);
    okhttp3.OkHttpClient http = CloudHttp.okHttp(settings.cloud().cloud());
    GitHubOidc oidc = GitHubOidc.forJob(ctx.env, settings, event, ctx.log);
    ctx.log.group("Broker policy");
    BrokerGate.Passed passed;
    try {
      passed = BrokerGate.check(ctx.env, ctx, asked, oidc.idToken(), http);
    } finally {
      ctx.log.endGroup();
    }
    Decision decision = passed.decision();
    Map<String, String> labels = new java.util.LinkedHashMap<>(RunBinding.labels(passed.claims()));
    labels.put(RULE_LABEL, decision.rule().orElse(""));
    labels.put(DECISION_LABEL, "allowed");
    // a missing ticket was reported when the request was first built
    ElevationRequest request = RequestSettings.build(ctx.env, event, labels,
        new WorkflowLog(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
    Identities identities = Identities.brokerOnly(settings, oidc, ctx.env, ctx.log);
    ctx.log.group("Sign in as the broker");
    try {
      identities.preflight();
    } finally {
      ctx.log.endGroup();
    }
    Elevator elevator = ctx.elevator(settings, identities);
    ctx.log.group("Grant: " + UntrustedText.neutralize(request.target().describe(), 400));
    ActiveElevation active;
    try {
      active = elevator.elevate(request);
    } catch (ElevationException e) {
      return ctx.fail(e, Optional.of(identities));
    } finally {
      ctx.log.endGroup();
    }
    // The grant outlives this job: the revoke job or the server-side expiry ends it, never this JVM's exit.
    active.detach();
    ActivationRecord record = active.record();
    Path path = ctx.publish(record, Optional.empty(), MainStep.heading(record, "ACTIVE") + " (granted to the work job)",
        false, Optional.empty(), settings.cloud().cloud(), true);
    ctx.outputs.set("revocation-handle", new GrantHandle(active.handle(), record).encode());
    ctx.outputs.set("request-id", record.requestIds().isEmpty() ? "" : record.requestIds().get(0));
    ctx.outputs.set("status", "ACTIVE");
    ctx.outputs.set("expires-at", active.expiresAt().toString());
    ctx.outputs.set("record-path", RecordFiles.outputPath(path, ctx.env));
    ctx.outputs.set("policy-rule", decision.rule().orElse(""));
    ctx.log.info("Granted until " + active.expiresAt() + " at the latest; the revoke job (if: always()) removes it.");
    return ExitCodes.OK;
  }

  private static void requireBrokerRequest(ElevationRequest request, IdentitySettings settings) {
    if (request.strategy() == Strategy.SELF) {
      throw ActionFailure.input("strategy", "mode: grant assigns another principal through the broker: use strategy"
          + " broker (PIM) or rbac, not self.");
    }
    if (request.principal().isEmpty()) {
      throw ActionFailure.input("principal-id", "mode: grant needs principal-id, the object id of the caller's"
          + " workload identity the broker assigns (the work job signs in as it).");
    }
    if (settings.credential() != IdentitySettings.CredentialKind.OIDC) {
      throw ActionFailure.input("credential", "mode: grant evaluates the policy on this job's GitHub ID token: use"
          + " credential: oidc.");
    }
    if (request.dryRun()) {
      throw ActionFailure.input("dry-run", "mode: grant does not dry-run; check the policy with"
          + " 'jit-elevate broker check' and the request with mode: job and dry-run: true.");
    }
  }
}
