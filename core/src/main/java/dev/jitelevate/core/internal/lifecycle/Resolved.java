package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.Eligibility;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import java.util.Objects;
import java.util.Optional;

/**
 * What the resolve step found, fixed for the rest of the run.
 *
 * @param target the target with every name resolved to an id
 * @param principal the principal to elevate
 * @param policy the PIM policy in force (none for plain role assignments)
 * @param eligibility the principal's eligibility (self-activation only)
 * @param otherPrincipal whether the principal is not the signed-in identity (a broker elevating someone else):
 *     its access cannot be tested as the principal, so the verify step proves what it can instead
 */
record Resolved(ResolvedTarget target, PrincipalInfo principal, Optional<EffectivePolicy> policy,
    Optional<Eligibility> eligibility, boolean otherPrincipal) {

  Resolved {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(eligibility, "eligibility");
  }
}
