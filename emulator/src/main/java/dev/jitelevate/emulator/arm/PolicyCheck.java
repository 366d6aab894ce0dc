package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.PimRules;
import dev.jitelevate.emulator.kernel.PolicyAsk;
import dev.jitelevate.emulator.kernel.PolicyLimits;
import java.util.List;
import java.util.Set;

/** Reads an ARM request and its role management policy into the rules kernel's terms ({@link PimRules}). */
final class PolicyCheck {
  private PolicyCheck() {}

  /** Returns the failing rule names for an end-user activation by the principal with {@code identities}. */
  static List<String> endUser(RequestSpec spec, Caller caller, RolePolicy policy, boolean eligible,
      Set<String> identities) {
    PolicyLimits limits = policy.limits("Expiration_EndUser_Assignment", "Enablement_EndUser_Assignment", identities);
    return PimRules.endUserFailures(eligible, limits, ask(spec, caller));
  }

  /** Returns the failing rule names for an admin assignment, eligibility or update. */
  static List<String> admin(RequestSpec spec, Caller caller, RolePolicy policy, Set<String> identities) {
    String level = spec.kind() == RequestKind.ELIGIBILITY ? "Eligibility" : "Assignment";
    PolicyLimits limits = policy.limits("Expiration_Admin_" + level, "Enablement_Admin_" + level, identities);
    if (spec.principalType().equals("ServicePrincipal")) {
      limits = limits.requiringExpiration();
    }
    return PimRules.adminFailures(limits, ask(spec, caller));
  }

  private static PolicyAsk ask(RequestSpec spec, Caller caller) {
    boolean ticketed = !blank(spec.ticketNumber()) && !blank(spec.ticketSystem());
    return new PolicyAsk(spec.length(), spec.justification(), ticketed, caller.hasMfa());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
