package dev.jitelevate.emulator.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules PIM enforces on schedule requests, shared by the ARM and Graph surfaces so both refuse the same
 * requests with the same codes: the existing assignment, the pending request, the deactivation floor, the
 * missing assignment and the policy checks (every failing rule listed at once, as the service does).
 * The surfaces look the facts up in their own state and let these rules decide.
 */
public final class PimRules {
  private PimRules() {}

  /**
   * Refuses a grant for a principal, role and scope that already has one, or has a request in flight.
   *
   * @throws SurfaceException 400 {@code RoleAssignmentExists} or {@code PendingRoleAssignmentRequest}
   */
  public static void requireNoConflict(boolean exists, boolean pending) {
    if (exists) {
      throw new SurfaceException(400, "RoleAssignmentExists", "The Role assignment already exists.");
    }
    if (pending) {
      throw new SurfaceException(400, "PendingRoleAssignmentRequest",
          "There is already an existing pending Role assignment request.");
    }
  }

  /** Returns the refusal for removing, deactivating or updating an assignment that does not exist. */
  public static SurfaceException doesNotExist() {
    return new SurfaceException(400, "RoleAssignmentDoesNotExist", "The Role assignment does not exist.");
  }

  /**
   * Refuses removing an active assignment within the deactivation floor after it started.
   *
   * @throws SurfaceException 400 {@code ActiveDurationTooShort} with the service's own wording (and typo)
   */
  public static void requireFloorPassed(Instant start, Instant now, Duration floor) {
    if (start != null && now.isBefore(start.plus(floor))) {
      throw new SurfaceException(400, "ActiveDurationTooShort",
          "The Active duration is too short. Miniumum Required is " + describe(floor) + ".");
    }
  }

  /** Returns the rules an activation breaks: eligibility, expiration, then the enablement checks. */
  public static List<String> endUserFailures(boolean eligible, PolicyLimits limits, PolicyAsk ask) {
    List<String> failed = new ArrayList<>();
    if (!eligible) {
      failed.add("EligibilityRule");
    }
    failed.addAll(adminFailures(limits, ask));
    return failed;
  }

  /** Returns the rules an admin assignment, eligibility or update breaks: expiration, then enablement. */
  public static List<String> adminFailures(PolicyLimits limits, PolicyAsk ask) {
    List<String> failed = new ArrayList<>();
    if (breaksExpiration(ask.length(), limits)) {
      failed.add("ExpirationRule");
    }
    if (limits.enabledRules().contains("Justification") && blank(ask.justification())) {
      failed.add("JustificationRule");
    }
    if (limits.enabledRules().contains("Ticketing") && !ask.ticketed()) {
      failed.add("TicketingRule");
    }
    if (limits.enabledRules().contains("MultiFactorAuthentication") && !ask.mfa()) {
      failed.add("MfaRule");
    }
    return failed;
  }

  /**
   * Refuses a request that breaks any rule.
   *
   * @throws SurfaceException 400 {@code RoleAssignmentRequestPolicyValidationFailed} listing the rules
   */
  public static void requireNoFailures(List<String> failed) {
    if (!failed.isEmpty()) {
      String names = failed.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
      throw new SurfaceException(400, "RoleAssignmentRequestPolicyValidationFailed",
          "The following policy rules failed: [" + names + "]");
    }
  }

  private static boolean breaksExpiration(Duration length, PolicyLimits limits) {
    if (length == null) {
      return limits.expirationRequired();
    }
    return length.isNegative() || length.isZero()
        || (limits.maximum() != null && length.compareTo(limits.maximum()) > 0);
  }

  private static String describe(Duration floor) {
    if (floor.toSeconds() % 60 == 0) {
      long minutes = floor.toMinutes();
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    return floor.toSeconds() + " seconds";
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
