package dev.jitelevate.runner.broker;

import java.util.List;
import java.util.Optional;

/**
 * One rule of a broker policy: the claims it matches and, for an allow rule, what it may grant.
 *
 * @param name the rule's name
 * @param allow true for an allow rule, false for a deny rule
 * @param when the claim conditions, all of which must hold
 * @param grant what an allow rule may grant; empty for a deny rule
 * @param line the line the rule starts on
 */
public record PolicyRule(String name, boolean allow, List<ClaimCondition> when, Optional<GrantLimits> grant, int line) {
  public PolicyRule {
    when = List.copyOf(when);
  }

  /** Whether every condition holds for the token's claims. */
  public boolean matches(VerifiedClaims claims) {
    return when.stream().allMatch(c -> c.matches(claims.get(c.claim())));
  }

  /** Whether one token could satisfy both rules' conditions (claims constrained by only one never separate them). */
  boolean overlaps(PolicyRule other) {
    for (ClaimCondition mine : when) {
      for (ClaimCondition theirs : other.when) {
        if (mine.claim() == theirs.claim() && !mine.intersects(theirs)) {
          return false;
        }
      }
    }
    return true;
  }
}
