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
 * fixed for the rest of the run ({@link Resolved}). Lookups that do not depend on each other are made at the
 * same time ({@link Parallel}): the target followed by its policy (which needs only the target), the principal,
 * and who signed in; then, for self-activation, eligibility (which needs the principal). With real services each
 * lookup is a round trip of 100 ms or more, so the policy is not left to wait for the principal's. The record is
 * written in the same order whichever answers first.
 */
final class ResolveStep implements Step {

  @Override
  public String name() {
    return "resolve";
  }

  @Override
  public void execute(Run run) throws InterruptedException {
    Targeted targeted;
    Principal principal;
    Optional<PrincipalId> wanted = run.request.principal();
    boolean lookUp = wanted.isPresent() && run.request.strategy() != Strategy.SELF;
    boolean withPolicy = run.request.strategy() != Strategy.RBAC;
    try (Parallel lookups = new Parallel("resolve")) {
      Parallel.Branch<Targeted> resolving = lookups.fork(() -> targeted(run, withPolicy));
      Parallel.Branch<PrincipalInfo> found = lookUp ? lookups.fork(() -> lookUp(run, wanted.get())) : null;
      Parallel.Branch<Optional<PrincipalInfo>> me = lookups.fork(() -> signedIn(run, lookUp));
      lookups.join();
      targeted = resolving.value();
      principal = lookUp ? new Principal(found.value(), !me.value().map(m -> m.id().equals(wanted.get())).orElse(false))
          : self(run, me.value().orElseThrow());
    }
    ResolvedTarget target = targeted.target();
    run.record.target(target.roleDefinitionId().orElse(null), target.roleName(), target.scope());
    PrincipalInfo info = principal.info();
    run.record.principal(info.id().value(), info.displayName(), info.type().name());
    Optional<Eligibility> eligibility = run.request.strategy() == Strategy.SELF
        ? run.surface.eligibilities(info.id(), target).stream().findFirst()
        : Optional.empty();
    run.resolved(new Resolved(target, info, targeted.policy(), eligibility, principal.other()));
  }

  /** The target, and the policy in force for it when the strategy goes through PIM (rbac has none). */
  private record Targeted(ResolvedTarget target, Optional<EffectivePolicy> policy) {}

  private static Targeted targeted(Run run, boolean withPolicy) {
    ResolvedTarget target = run.surface.resolve(run.request.target());
    return new Targeted(target, withPolicy ? Optional.of(run.surface.policy(target)) : Optional.empty());
  }

  /** The principal to elevate, and whether it is someone other than the signed-in identity. */
  private record Principal(PrincipalInfo info, boolean other) {}

  /**
   * Who signed in; when the principal was named for a broker, only to tell whether it is that identity, so a
   * failure to find out means it is not (empty).
   */
  private static Optional<PrincipalInfo> signedIn(Run run, boolean onlyToCompare) {
    try {
      return Optional.of(run.surface.whoAmI(run.config.identity()));
    } catch (ElevationException e) {
      if (onlyToCompare) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The signed-in identity as the principal; the self strategy activates no one else. */
  private static Principal self(Run run, PrincipalInfo me) {
    Optional<PrincipalId> wanted = run.request.principal();
    if (wanted.isPresent() && run.request.strategy() == Strategy.SELF && !me.id().equals(wanted.get())) {
      throw new InvalidElevationRequestException("principal",
          "The self strategy activates the signed-in identity (" + me.id() + "), not " + wanted.get() + ".",
          "Omit the principal, or use the broker strategy to elevate another principal.");
    }
    return new Principal(me, false);
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
