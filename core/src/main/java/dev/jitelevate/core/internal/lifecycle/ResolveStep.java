package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.Eligibility;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.Refusal;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.retry.Retrier;
import java.util.Optional;

/**
 * Turns names into ids: the target through the surface, the principal (the request's, or the signed-in
 * identity's), the principal's eligibility for self-activation, and the policy in force. What it finds is
 * fixed for the rest of the run ({@link Resolved}).
 */
final class ResolveStep implements Step {

  @Override
  public String name() {
    return "resolve";
  }

  @Override
  public void execute(Run run) throws InterruptedException {
    ResolvedTarget target = run.surface.resolve(run.request.target());
    run.record.target(target.roleDefinitionId().orElse(null), target.roleName(), target.scope());
    Principal principal = principalOf(run);
    PrincipalInfo info = principal.info();
    run.record.principal(info.id().value(), info.displayName(), info.type().name());
    Optional<Eligibility> eligibility = run.request.strategy() == Strategy.SELF
        ? run.surface.eligibilities(info.id(), target).stream().findFirst()
        : Optional.empty();
    Optional<EffectivePolicy> policy = run.request.strategy() != Strategy.RBAC
        ? Optional.of(run.surface.policy(target))
        : Optional.empty();
    run.resolved(new Resolved(target, info, policy, eligibility, principal.other()));
  }

  /** The principal to elevate, and whether it is someone other than the signed-in identity. */
  private record Principal(PrincipalInfo info, boolean other) {}

  private static Principal principalOf(Run run) throws InterruptedException {
    if (run.request.principal().isEmpty()) {
      return new Principal(run.surface.whoAmI(run.config.identity()), false);
    }
    PrincipalId wanted = run.request.principal().get();
    if (run.request.strategy() == Strategy.SELF) {
      PrincipalInfo me = run.surface.whoAmI(run.config.identity());
      if (!me.id().equals(wanted)) {
        throw new InvalidElevationRequestException("principal",
            "The self strategy activates the signed-in identity (" + me.id() + "), not " + wanted + ".",
            "Omit the principal, or use the broker strategy to elevate another principal.");
      }
      return new Principal(me, false);
    }
    PrincipalInfo found = lookUp(run, wanted);
    return new Principal(found, !isSignedIn(run, wanted));
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
    Optional<PrincipalInfo> found;
    try {
      found = run.retrier.call(plan, () -> run.surface.principal(id), Optional::isPresent,
          absent -> "Principal " + id + " was not found (not replicated yet?).");
    } catch (ElevationException e) {
      if (!Refusal.SUBJECT_NOT_REPLICATED.matches(e)) {
        throw e;
      }
      found = Optional.empty();
    }
    return found.orElseThrow(() -> new InvalidElevationRequestException("principal",
        "No principal with object id " + id + " exists in the tenant.",
        "Check the object id (not the application id); a principal created moments ago can take a minute to replicate."));
  }
}
