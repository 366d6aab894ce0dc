package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ClaimsChallenge;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.StepUp;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.Refusal;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import java.util.Optional;

/**
 * Answers PIM's {@code RoleAssignmentRequestAcrsValidationFailed}: asks the runner's {@link StepUp} once for the
 * person's credentials carrying the claims challenge and submits the same request (same id) once more with them.
 * Without a step-up, for a broker, or when the stepped-up token is refused again, it fails naming the rule.
 */
final class StepUpRetry {
  static final String RULE = "AuthenticationContextRule";

  private StepUpRetry() {}

  /** Steps up and resubmits; the refusal is {@link Refusal#STEP_UP_REQUIRED}. */
  static ScheduleRequestView submit(Run run, ScheduleRequestSpec spec, ElevationException refusal) {
    ClaimsChallenge challenge = ClaimsChallenge.fromMessage(refusal.getMessage())
        .or(() -> run.resolved().policy().flatMap(p -> p.authenticationContext())
            .map(ClaimsChallenge::forContext))
        .orElseThrow(() -> refused(run, "an authentication context", refusal,
            "Sign in again with the Conditional Access policy's requirements met, then retry."));
    Optional<StepUp> port = run.config.stepUp();
    if (run.request.strategy() != Strategy.SELF || port.isEmpty()) {
      throw refused(run, "authentication context '" + challenge.authenticationContext() + "'", refusal,
          run.request.strategy() != Strategy.SELF
              ? "Only a person can satisfy it: use the self strategy, or ask an administrator to disable the rule."
              : "Sign in interactively (e.g. --auth device-code) so the sign-in can be stepped up, then retry.");
    }
    run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.INFO, "The policy for "
        + run.request.target().describe() + " requires authentication context '" + challenge.authenticationContext()
        + "': signing in once more to satisfy it, then retrying the request."));
    CredentialSource stepped = port.get().stepUp(challenge);
    AccessSurface surface = run.reopen.apply(stepped);
    try {
      return surface.submit(spec);
    } catch (ElevationException again) {
      if (Refusal.REQUEST_EXISTS.matches(again)) {
        return surface.get(run.target(), spec.requestId());
      }
      if (Refusal.STEP_UP_REQUIRED.matches(again)) {
        throw refused(run, "authentication context '" + challenge.authenticationContext() + "' even after signing in again",
            again, "Complete the Conditional Access requirements (e.g. MFA, a compliant device) in the sign-in, or ask "
                + "an administrator which ones apply.");
      }
      throw again;
    }
  }

  private static PolicyViolationException refused(Run run, String what, ElevationException cause, String fix) {
    return new PolicyViolationException(RULE, "The PIM policy for " + run.request.target().describe()
        + " requires " + what + " in the sign-in, and the token lacks it.", fix,
        cause.azureErrorCode().orElse(null), cause.azureRequestId().orElse(null), cause.httpStatus(), cause);
  }
}
