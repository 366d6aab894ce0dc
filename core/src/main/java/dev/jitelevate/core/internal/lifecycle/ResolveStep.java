package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.AzureErrorCodes;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.Refusal;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;

/**
 * Turns names into ids: the target through the surface, the principal (the request's, or the signed-in
 * identity's), the principal's eligibility for self-activation, and the policy in force.
 */
final class ResolveStep implements Step {

  @Override
  public String name() {
    return "resolve";
  }

  @Override
  public void execute(Run run) throws InterruptedException {
    ResolvedTarget target = run.surface.resolve(run.request.target());
    run.target = target;
    run.record.target(target.roleDefinitionId().orElse(null), target.roleName(), target.scope());
    PrincipalInfo principal = principalOf(run);
    run.principal = principal;
    run.record.principal(principal.id().value(), principal.displayName(), principal.type());
    if (run.request.strategy() == Strategy.SELF) {
      run.eligibility = run.surface.eligibilities(principal.id(), target).stream().findFirst();
    }
    if (run.request.strategy() != Strategy.RBAC) {
      run.policy = run.surface.policy(target);
    }
  }

  private static PrincipalInfo principalOf(Run run) throws InterruptedException {
    if (run.request.principal().isEmpty()) {
      return run.surface.whoAmI(run.config.identity());
    }
    PrincipalId wanted = run.request.principal().get();
    if (run.request.strategy() == Strategy.SELF) {
      PrincipalInfo me = run.surface.whoAmI(run.config.identity());
      if (!me.id().equals(wanted)) {
        throw new InvalidElevationRequestException("principal",
            "The self strategy activates the signed-in identity (" + me.id() + "), not " + wanted + ".",
            "Omit the principal, or use the broker strategy to elevate another principal.");
      }
      return me;
    }
    PrincipalInfo found = lookUp(run, wanted);
    run.otherPrincipal = !isSignedIn(run, wanted);
    return found;
  }

  /** Whether the principal is the signed-in identity (whose own access the verify step can test). */
  private static boolean isSignedIn(Run run, PrincipalId wanted) {
    try {
      return run.surface.whoAmI(run.config.identity()).id().equals(wanted);
    } catch (ElevationException e) {
      return false;
    }
  }

  /** Looks the principal up, retrying for a while: a service principal created moments ago may not be replicated yet. */
  private static PrincipalInfo lookUp(Run run, PrincipalId id) throws InterruptedException {
    Retrier.Plan plan = new Retrier.Plan("principal.lookup", Refusal.SUBJECT_NOT_REPLICATED::matches,
        run.config.polling().maxRetries() + 1, run.now().plus(run.request.provisioningTimeout()),
        Refusal::describe);
    try {
      return run.retrier.call(plan, () -> run.surface.principal(id).orElseThrow(() -> notFound(id)));
    } catch (ElevationException e) {
      if (Refusal.SUBJECT_NOT_REPLICATED.matches(e)) {
        throw new InvalidElevationRequestException("principal", "No principal with object id " + id + " exists in the tenant.",
            "Check the object id (not the application id); a principal created moments ago can take a minute to replicate.");
      }
      throw e;
    }
  }

  private static ElevationException notFound(PrincipalId id) {
    return new ElevationException(FailureKind.INVALID_REQUEST, "Principal " + id + " was not found.",
        AzureErrorCodes.SUBJECT_NOT_FOUND, null, 404, null);
  }
}
