package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;

/**
 * The policy rules that depend on how the requester signed in. A broker's time-bound assignment is made by an
 * application, whose sign-in can never satisfy multi-factor authentication on active assignment: it fails here,
 * before anything is submitted, naming the rule. A person's activation that needs an authentication context is
 * announced: the service asks for it and the lifecycle steps the person up once ({@link StepUpRetry}).
 */
final class ApplicationRules {
  private ApplicationRules() {}

  /** For the broker's admin assignment: refuses what an application cannot satisfy. */
  static void check(Run run, EffectivePolicy policy) {
    if (policy.requireMfa()) {
      throw new PolicyViolationException("MfaRule", "The policy for " + run.request.target().describe()
          + " requires multi-factor authentication on active assignment (Enablement_Admin_Assignment), which the "
          + "broker, an application, cannot satisfy.", "Ask an administrator to remove MultiFactorAuthentication "
          + "from the role's active-assignment rule, or have an eligible person activate it (self strategy).");
    }
  }

  /** For a person's activation: says a step-up is coming when the policy requires an authentication context. */
  static void announceStepUp(Run run, EffectivePolicy policy) {
    policy.authenticationContext().ifPresent(value -> run.events.on(new ElevationEvent.Notice(run.now(),
        ElevationEvent.Level.INFO, "The policy requires authentication context '" + value + "' ("
            + EffectivePolicy.AUTHENTICATION_CONTEXT_RULE + "): the sign-in is stepped up once if the token lacks it.")));
  }
}
