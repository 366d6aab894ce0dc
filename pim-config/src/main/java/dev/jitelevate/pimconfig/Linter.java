package dev.jitelevate.pimconfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a file against the principles of least privilege for PIM ("the way of the cookie"), offline. Rule ids:
 * PIM001 break-glass accounts named, PIM002 no standing active privileged assignment, PIM003 eligibility to groups
 * not users, PIM004 privileged roles narrower than a subscription, PIM005 maximum activation bounded, PIM006
 * approval on tier-0, PIM007 ticket required, PIM008 authentication context on tier-0, PIM009 approvers not
 * eligible themselves, PIM010 approvers notified.
 */
public final class Linter {
  /** Roles whose holder can take over the tenant or a subscription. */
  static final Set<String> TIER0 = Set.of("global administrator", "privileged role administrator", "owner",
      "user access administrator", "role based access control administrator");
  /** Roles that may change resources at the scope (standing holders are findings). */
  static final Set<String> PRIVILEGED = Set.of("owner", "contributor", "user access administrator",
      "role based access control administrator");
  private static final Set<String> BROAD_FORBIDDEN = Set.of("owner", "contributor", "user access administrator");

  private final Duration maximumActivation;

  /** A linter allowing activations up to {@code maximumActivation} (PIM005). */
  public Linter(Duration maximumActivation) {
    this.maximumActivation = Objects.requireNonNull(maximumActivation, "maximumActivation");
  }

  /** The findings, in file order per rule. */
  public List<Finding> lint(PimConfig config) {
    List<Finding> out = new ArrayList<>();
    if (config.breakGlass().isEmpty()) {
      out.add(new Finding("PIM001", Finding.Severity.WARNING, new Location(config.file(), 1),
          "No break-glass accounts are named.", "List them under breakGlass: (user principal names), so lint can tell "
              + "them from other permanent holders."));
    }
    for (AzureRoleAssignment a : config.azureAssignments()) {
      assignment(config, a, out);
    }
    for (AzureRolePolicy p : config.azurePolicies()) {
      policy(config, p, out);
    }
    for (AzureRoleAssignment a : config.azureAssignments()) {
      if (tier0(a.role()) && policyOf(config, a).isEmpty()) {
        out.add(new Finding("PIM006", Finding.Severity.ERROR, a.location(), "Tier-0 role " + a.role() + " at " + a.scope()
            + " has no declared policy, so nothing ensures approval.", "Declare its policy under azureRoles.policies with "
            + "requireApproval: true and approvers."));
      }
    }
    return List.copyOf(out);
  }

  private void assignment(PimConfig config, AzureRoleAssignment a, List<Finding> out) {
    boolean breakGlass = config.breakGlass().stream().anyMatch(b -> b.equalsIgnoreCase(a.principal()));
    if (a.kind() == AssignmentKind.ACTIVE && privileged(a.role()) && !breakGlass) {
      out.add(new Finding("PIM002", a.permanent() ? Finding.Severity.ERROR : Finding.Severity.WARNING, a.location(),
          (a.permanent() ? "Standing" : "Time-bound") + " active assignment of privileged role " + a.role() + " to "
              + a.principal() + ".", "Make it eligible (type: eligible) so it is activated just in time."));
    }
    if (a.principal().contains("@") && !breakGlass) {
      out.add(new Finding("PIM003", Finding.Severity.WARNING, a.location(), a.role() + " is assigned to the user "
          + a.principal() + ".", "Assign it to a group and manage membership (PIM for Groups) instead."));
    }
    if (BROAD_FORBIDDEN.contains(lower(a.role())) && Scopes.subscriptionOrBroader(a.scope())) {
      out.add(new Finding("PIM004", Finding.Severity.WARNING, a.location(), a.role() + " at " + a.scope()
          + " covers a whole subscription or more.", "Assign it at the resource group or resource that needs it."));
    }
  }

  private void policy(PimConfig config, AzureRolePolicy p, List<Finding> out) {
    Optional<String> max = p.get(PolicySetting.MAXIMUM_ACTIVATION);
    if (max.isPresent() && IsoDurations.parse(max.get()).compareTo(maximumActivation) > 0) {
      out.add(new Finding("PIM005", Finding.Severity.WARNING, p.location(), "Activations of " + p.role() + " may last "
          + max.get() + ", more than " + IsoDurations.format(maximumActivation) + ".",
          "Lower maximumActivation to " + IsoDurations.format(maximumActivation) + " or less."));
    }
    if (tier0(p.role()) && !p.isTrue(PolicySetting.REQUIRE_APPROVAL)) {
      out.add(new Finding("PIM006", Finding.Severity.ERROR, p.location(), "Tier-0 role " + p.role()
          + " can be activated without approval.", "Set requireApproval: true and name approvers."));
    }
    if (privileged(p.role()) && !p.isTrue(PolicySetting.REQUIRE_TICKET)) {
      out.add(new Finding("PIM007", Finding.Severity.WARNING, p.location(), "Activating " + p.role()
          + " needs no ticket.", "Set requireTicket: true so each activation names its change."));
    }
    if (tier0(p.role()) && p.get(PolicySetting.AUTHENTICATION_CONTEXT).filter(c -> !c.equals("off")).isEmpty()) {
      out.add(new Finding("PIM008", Finding.Severity.WARNING, p.location(), "Tier-0 role " + p.role()
          + " has no authentication context.", "Set authenticationContext to a Conditional Access context (e.g. c1)."));
    }
    approversEligible(config, p, out);
    String notified = "notifications.activation.approver.";
    boolean silenced = "false".equals(p.settings().get(PolicySetting.byPath(notified + "defaultRecipients").orElseThrow()))
        && p.get(PolicySetting.byPath(notified + "recipients").orElseThrow()).orElse("").isEmpty();
    if (p.isTrue(PolicySetting.REQUIRE_APPROVAL) && silenced) {
      out.add(new Finding("PIM010", Finding.Severity.WARNING, p.location(), "Approvers of " + p.role()
          + " are not notified of requests.", "Set notifications.activation.approver.defaultRecipients: true."));
    }
  }

  private static void approversEligible(PimConfig config, AzureRolePolicy p, List<Finding> out) {
    String approvers = p.get(PolicySetting.APPROVERS).orElse("");
    if (approvers.isEmpty()) {
      return;
    }
    for (String approver : approvers.split(",")) {
      config.azureAssignments().stream()
          .filter(a -> a.principal().equalsIgnoreCase(approver) && a.role().equalsIgnoreCase(p.role())
              && Scopes.key(a.scope()).equals(Scopes.key(p.scope())))
          .findFirst()
          .ifPresent(a -> out.add(new Finding("PIM009", Finding.Severity.ERROR, p.location(), "Approver " + approver
              + " is also assigned " + p.role() + " at " + p.scope() + " (line " + a.location().line()
              + "), so they can approve their own activation.", "Choose approvers who are not eligible for the role.")));
    }
  }

  private static Optional<AzureRolePolicy> policyOf(PimConfig config, AzureRoleAssignment a) {
    return config.azurePolicies().stream().filter(p -> p.role().equalsIgnoreCase(a.role())
        && Scopes.key(p.scope()).equals(Scopes.key(a.scope()))).findFirst();
  }

  private static boolean tier0(String role) {
    return TIER0.contains(lower(role));
  }

  private static boolean privileged(String role) {
    return PRIVILEGED.contains(lower(role)) || lower(role).endsWith("administrator");
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
