package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import java.time.Duration;

/**
 * Fails fast, before anything is submitted, when the service would refuse: naming the policy rule and the
 * fix. Checks the duration against the floor and the policy maximum, the justification and ticket rules, and
 * that a self-activation comes from a person who is eligible.
 */
final class PrecheckStep implements Step {

  @Override
  public String name() {
    return "precheck";
  }

  @Override
  public void execute(Run run) {
    ElevationRequest request = run.request;
    if (request.duration().compareTo(ElevationRequest.MINIMUM_DURATION) < 0) {
      throw new InvalidElevationRequestException("duration",
          "The duration " + Durations.format(request.duration()) + " is under PIM's 5-minute minimum.", "Use at least 5m.");
    }
    if (request.strategy() == Strategy.SELF) {
      checkSelf(run);
    }
    run.resolved().policy().ifPresent(policy -> checkPolicy(run, policy));
  }

  private static void checkSelf(Run run) {
    if (!run.principal().isUser()) {
      throw new InvalidElevationRequestException("strategy",
          run.principal().displayName() + " is a " + run.principal().type().name()
              + " and service principals cannot be PIM-eligible, so they cannot self-activate.",
          "Use the broker strategy: a broker identity assigns the role to it for the duration.");
    }
    if (run.resolved().eligibility().isEmpty()) {
      throw new ElevationException(FailureKind.NOT_AUTHORIZED,
          run.principal().displayName() + " (" + run.principal().id() + ") is not eligible for "
              + run.request.target().describe() + ". Ask an administrator for an eligible assignment covering "
              + "this scope, or use the broker strategy.");
    }
  }

  private static void checkPolicy(Run run, EffectivePolicy policy) {
    ElevationRequest request = run.request;
    boolean self = request.strategy() == Strategy.SELF;
    Duration max = self ? policy.maximumActivation() : policy.maximumAdminAssignment();
    if (max != null && request.duration().compareTo(max) > 0) {
      throw new PolicyViolationException("ExpirationRule",
          "The duration " + Durations.format(request.duration()) + " is over the policy's maximum of "
              + Durations.format(max) + " for " + request.target().describe() + ".",
          "Ask for at most " + Durations.format(max) + ".");
    }
    if (policy.requireJustification() && request.justification().isBlank()) {
      throw new PolicyViolationException("JustificationRule",
          "The policy for " + request.target().describe() + " requires a justification.",
          "Say why you need the access (e.g. the change or incident you are working on).");
    }
    if (policy.requireTicket() && request.ticket().isEmpty()) {
      throw new PolicyViolationException("TicketingRule",
          "The policy for " + request.target().describe() + " requires a ticket.",
          "Pass a ticket number and system (e.g. OPS-123 in Jira).");
    }
    if (!self) {
      ApplicationRules.check(run, policy);
    } else {
      ApplicationRules.announceStepUp(run, policy);
    }
    if (policy.requireMfa() && self) {
      run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.WARNING,
          "The policy requires MFA (MfaRule): the sign-in must have used multi-factor authentication."));
    }
    if (policy.requireApproval() && self) {
      run.events.on(new ElevationEvent.Notice(run.now(), ElevationEvent.Level.INFO,
          "The policy requires approval: waiting up to " + Durations.format(request.approvalTimeout())
              + " for an approver after submitting."));
    }
  }
}
