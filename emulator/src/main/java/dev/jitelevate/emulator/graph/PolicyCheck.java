package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.PimRules;
import dev.jitelevate.emulator.kernel.PolicyAsk;
import dev.jitelevate.emulator.kernel.PolicyLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads a Graph request and its role management policy into the rules kernel's terms ({@link PimRules}), which
 * lists every failing rule at once, as the service does ({@code The following policy rules failed: [...]}).
 */
final class PolicyCheck {
  private PolicyCheck() {}

  /** Rules a self-activation (or self-extension) breaks. */
  static List<String> endUser(ScheduleRequest r, RoleManagementPolicy policy, Caller caller, boolean eligible,
      Instant start) {
    PolicyLimits limits = new PolicyLimits(policy.maximumActivation(), policy.activationExpirationRequired(),
        policy.enabledRules("Enablement_EndUser_Assignment"));
    return PimRules.endUserFailures(eligible, limits, ask(r, caller, start, limits.maximum()));
  }

  /** Rules an admin assignment or eligibility breaks; service principals never get permanent active access. */
  static List<String> admin(ScheduleRequest r, RoleManagementPolicy policy, Caller caller, boolean principalIsApp,
      Instant start) {
    String enablementRule = r.type == ScheduleRequest.Type.ELIGIBILITY ? "Enablement_Admin_Eligibility"
        : "Enablement_Admin_Assignment";
    PolicyLimits limits = new PolicyLimits(policy.maximumAdmin(r.type), policy.adminExpirationRequired(r.type),
        policy.enabledRules(enablementRule));
    if (principalIsApp && r.type == ScheduleRequest.Type.ASSIGNMENT) {
      limits = limits.requiringExpiration();
    }
    return PimRules.adminFailures(limits, ask(r, caller, start, limits.maximum()));
  }

  /** The length of the schedule a request asks for: its own, or the policy maximum when it does not say. */
  static Duration length(RequestSchedule schedule, Instant start, Duration maximum) {
    return schedule.requestedLength(start).orElse(maximum);
  }

  private static PolicyAsk ask(ScheduleRequest r, Caller caller, Instant start, Duration maximum) {
    Duration length = r.schedule.neverExpires() ? null : length(r.schedule, start, maximum);
    boolean ticketed = r.ticketNumber != null && !r.ticketNumber.isBlank();
    return new PolicyAsk(length, r.justification, ticketed, caller.hasMfa());
  }
}
