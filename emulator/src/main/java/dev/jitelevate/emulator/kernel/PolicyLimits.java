package dev.jitelevate.emulator.kernel;

import java.time.Duration;
import java.util.Set;

/**
 * The rules of a role management policy that apply to one kind of request: its expiration rule and the
 * checks its enablement rule turns on ({@code Justification}, {@code Ticketing}, {@code MultiFactorAuthentication}).
 *
 * @param maximum the longest schedule allowed, or null for unlimited
 * @param expirationRequired whether the request must end (a permanent one breaks the rule)
 * @param enabledRules the enablement rule's {@code enabledRules}
 */
public record PolicyLimits(Duration maximum, boolean expirationRequired, Set<String> enabledRules) {

  public PolicyLimits {
    enabledRules = Set.copyOf(enabledRules);
  }

  /** Returns these limits with an expiry required as well (service principals never get permanent access). */
  public PolicyLimits requiringExpiration() {
    return new PolicyLimits(maximum, true, enabledRules);
  }
}
