package dev.jitelevate.pimconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One setting of a role management policy, named by its path in the file (e.g. {@code maximumActivation},
 * {@code notifications.activation.approver.level}). Settings a file does not name are not managed.
 *
 * @param path the dotted path under the policy entry
 * @param type how the value is written and compared
 */
public record PolicySetting(String path, Type type) {
  /** How a setting's value is spelled, canonically, in a plan and compared. */
  public enum Type {
    /** An ISO-8601 duration such as {@code PT8H} or {@code P365D}. */
    DURATION,
    /** {@code true} or {@code false}. */
    FLAG,
    /** An authentication context claim value, or {@code off}. */
    CONTEXT,
    /** Principals (approvers): object ids, sorted, comma-separated. */
    PRINCIPALS,
    /** E-mail addresses, sorted, comma-separated. */
    EMAILS,
    /** A notification level: {@code All} or {@code Critical}. */
    LEVEL
  }

  /** The notification events and their rule id suffixes, in the order ARM lists them. */
  static final List<String[]> EVENTS = List.of(
      new String[] {"eligibleAssignment", "Admin_Eligibility"},
      new String[] {"activeAssignment", "Admin_Assignment"},
      new String[] {"activation", "EndUser_Assignment"});

  /** The recipients of each notification event and their rule id prefixes. */
  static final List<String[]> RECIPIENTS = List.of(
      new String[] {"admin", "Admin"}, new String[] {"requestor", "Requestor"}, new String[] {"approver", "Approver"});

  public static final PolicySetting MAXIMUM_ACTIVATION = new PolicySetting("maximumActivation", Type.DURATION);
  public static final PolicySetting REQUIRE_JUSTIFICATION = new PolicySetting("requireJustification", Type.FLAG);
  public static final PolicySetting REQUIRE_TICKET = new PolicySetting("requireTicket", Type.FLAG);
  public static final PolicySetting REQUIRE_MFA = new PolicySetting("requireMfa", Type.FLAG);
  public static final PolicySetting AUTHENTICATION_CONTEXT = new PolicySetting("authenticationContext", Type.CONTEXT);
  public static final PolicySetting REQUIRE_APPROVAL = new PolicySetting("requireApproval", Type.FLAG);
  public static final PolicySetting APPROVERS = new PolicySetting("approvers", Type.PRINCIPALS);
  public static final PolicySetting MAXIMUM_ELIGIBLE = new PolicySetting("maximumEligibleDuration", Type.DURATION);
  public static final PolicySetting PERMANENT_ELIGIBLE = new PolicySetting("permanentEligibleAllowed", Type.FLAG);
  public static final PolicySetting MAXIMUM_ACTIVE = new PolicySetting("maximumActiveDuration", Type.DURATION);
  public static final PolicySetting PERMANENT_ACTIVE = new PolicySetting("permanentActiveAllowed", Type.FLAG);

  private static final List<PolicySetting> ALL = catalog();

  /** Every setting, in the order plans and imported files list them. */
  public static List<PolicySetting> all() {
    return ALL;
  }

  /** The setting at a dotted path, if there is one. */
  public static Optional<PolicySetting> byPath(String path) {
    return ALL.stream().filter(s -> s.path.equals(path)).findFirst();
  }

  /** A notification setting: {@code field} is {@code level}, {@code defaultRecipients} or {@code recipients}. */
  static PolicySetting notification(String event, String recipient, String field) {
    return byPath("notifications." + event + "." + recipient + "." + field).orElseThrow();
  }

  private static List<PolicySetting> catalog() {
    List<PolicySetting> all = new ArrayList<>(List.of(MAXIMUM_ACTIVATION, REQUIRE_JUSTIFICATION, REQUIRE_TICKET,
        REQUIRE_MFA, AUTHENTICATION_CONTEXT, REQUIRE_APPROVAL, APPROVERS, MAXIMUM_ELIGIBLE, PERMANENT_ELIGIBLE,
        MAXIMUM_ACTIVE, PERMANENT_ACTIVE));
    for (String[] event : EVENTS) {
      for (String[] recipient : RECIPIENTS) {
        String base = "notifications." + event[0] + "." + recipient[0] + ".";
        all.add(new PolicySetting(base + "level", Type.LEVEL));
        all.add(new PolicySetting(base + "defaultRecipients", Type.FLAG));
        all.add(new PolicySetting(base + "recipients", Type.EMAILS));
      }
    }
    return List.copyOf(all);
  }
}
