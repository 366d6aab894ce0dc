package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.Caller;
import java.util.List;
import java.util.Set;

/** Evaluates a request against the enablement and expiration rules of its role management policy. */
final class PolicyCheck {
  private PolicyCheck() {}

  /** Adds the failing rule names for an end-user activation to {@code failures}. */
  static void endUser(RequestSpec spec, Caller caller, RolePolicy policy, List<String> failures) {
    if (!policy.expiration("Expiration_EndUser_Assignment").allows(spec.length())) {
      failures.add("ExpirationRule");
    }
    enablement(spec, caller, policy.enabledRules("Enablement_EndUser_Assignment"), failures);
  }

  /** Adds the failing rule names for an admin assignment or eligibility to {@code failures}. */
  static void admin(RequestSpec spec, Caller caller, RolePolicy policy, List<String> failures) {
    String level = spec.kind() == RequestKind.ELIGIBILITY ? "Eligibility" : "Assignment";
    boolean permanentSp = spec.end() == null && spec.principalType().equals("ServicePrincipal");
    if (permanentSp || !policy.expiration("Expiration_Admin_" + level).allows(spec.length())) {
      failures.add("ExpirationRule");
    }
    enablement(spec, caller, policy.enabledRules("Enablement_Admin_" + level), failures);
  }

  private static void enablement(RequestSpec spec, Caller caller, Set<String> enabled, List<String> failures) {
    if (enabled.contains("Justification") && blank(spec.justification())) {
      failures.add("JustificationRule");
    }
    if (enabled.contains("Ticketing") && (blank(spec.ticketNumber()) || blank(spec.ticketSystem()))) {
      failures.add("TicketingRule");
    }
    if (enabled.contains("MultiFactorAuthentication") && !caller.hasMfa()) {
      failures.add("MfaRule");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
