package dev.jitelevate.runner.action;

import dev.jitelevate.core.Strategy;

/**
 * States the risk of {@code mode: job} with a broker signing in from the same job: any step of it can mint an
 * ID token and sign in as the broker (docs/security-model.md). Said in the log and in the job summary.
 */
final class SingleStepRisk {
  static final String TEXT = "Single-step mode: the broker signs in with this job's GitHub ID token, so every step"
      + " of this job (third-party actions included) could sign in as the broker and assign roles while the job"
      + " runs. Use the hardened grant/work/revoke pattern (.github/workflows/jit-broker.yml) where any step is not"
      + " fully trusted; see docs/security-model.md.";

  private SingleStepRisk() {}

  /** Warns when the broker signs in with this job's OIDC token (not with a secret of a self-hosted runner). */
  static void warn(StepContext ctx, IdentitySettings settings, Strategy strategy) {
    boolean brokerFromThisJob = strategy != Strategy.SELF && settings.credential() == IdentitySettings.CredentialKind.OIDC
        && settings.brokerSecretVariable().isEmpty();
    if (!brokerFromThisJob) {
      return;
    }
    ctx.log.notice("Single-step mode", TEXT);
    StepSummary.append(ctx.env.path("GITHUB_STEP_SUMMARY"), "> **Note:** " + TEXT + "\n\n", ctx.log);
  }
}
