package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a request against its role management policy and lists every failing rule at once, as the
 * service does ({@code The following policy rules failed: ["ExpirationRule","JustificationRule"]}).
 */
final class PolicyCheck {
  private PolicyCheck() {}

  /** Rules a self-activation (or self-extension) breaks. */
  static List<String> endUser(ScheduleRequest r, RoleManagementPolicy policy, Caller caller, boolean eligible,
      Instant start) {
    List<String> failed = new ArrayList<>();
    if (!eligible) {
      failed.add("EligibilityRule");
    }
    if (breaksExpiration(r.schedule, start, policy.maximumActivation(), policy.activationExpirationRequired())) {
      failed.add("ExpirationRule");
    }
    enablement(r, policy.enabledRules("Enablement_EndUser_Assignment"), caller, failed);
    return failed;
  }

  /** Rules an admin assignment or eligibility breaks; service principals never get permanent active access. */
  static List<String> admin(ScheduleRequest r, RoleManagementPolicy policy, Caller caller, boolean principalIsApp,
      Instant start) {
    List<String> failed = new ArrayList<>();
    boolean required = policy.adminExpirationRequired(r.type)
        || (principalIsApp && r.type == ScheduleRequest.Type.ASSIGNMENT);
    if (breaksExpiration(r.schedule, start, policy.maximumAdmin(r.type), required)) {
      failed.add("ExpirationRule");
    }
    String enablementRule = r.type == ScheduleRequest.Type.ELIGIBILITY ? "Enablement_Admin_Eligibility"
        : "Enablement_Admin_Assignment";
    enablement(r, policy.enabledRules(enablementRule), caller, failed);
    return failed;
  }

  /** The length of the schedule a request asks for: its own, or the policy maximum when it does not say. */
  static Duration length(RequestSchedule schedule, Instant start, Duration maximum) {
    return schedule.requestedLength(start).orElse(maximum);
  }

  private static boolean breaksExpiration(RequestSchedule schedule, Instant start, Duration max, boolean required) {
    if (schedule.neverExpires()) {
      return required;
    }
    Duration length = length(schedule, start, max);
    return length.isNegative() || length.isZero() || length.compareTo(max) > 0;
  }

  private static void enablement(ScheduleRequest r, Set<String> enabled, Caller caller, List<String> failed) {
    if (enabled.contains("Justification") && isBlank(r.justification)) {
      failed.add("JustificationRule");
    }
    if (enabled.contains("Ticketing") && isBlank(r.ticketNumber)) {
      failed.add("TicketingRule");
    }
    if (enabled.contains("MultiFactorAuthentication") && !caller.hasMfa()) {
      failed.add("MfaRule");
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
