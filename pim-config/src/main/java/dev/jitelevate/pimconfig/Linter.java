package dev.jitelevate.pimconfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a file against the principles of least privilege for PIM ("the way of the cookie"), offline, on all three
 * surfaces. Rule ids: PIM001 break-glass accounts named (and holding Global Administrator), PIM002 no standing
 * active privileged assignment, PIM003 eligibility to groups not users, PIM004 privileged Azure roles narrower than
 * a subscription, PIM005 maximum activation bounded, PIM006 approval on tier-0, PIM007 ticket required, PIM008
 * authentication context on tier-0, PIM009 approvers not eligible themselves, PIM010 approvers notified, PIM011 no
 * permanent Global Administrator other than the named break-glass accounts.
 */
public final class Linter {
  /** Roles whose holder can take over the tenant or a subscription. */
  static final Set<String> TIER0 = Set.of("global administrator", "privileged role administrator", "owner",
      "user access administrator", "role based access control administrator");
  /** Roles that may change resources at the scope (standing holders are findings). */
  static final Set<String> PRIVILEGED = Set.of("owner", "contributor", "user access administrator",
      "role based access control administrator");
  static final String GLOBAL_ADMINISTRATOR = "global administrator";
  private static final Set<String> BROAD_FORBIDDEN = Set.of("owner", "contributor", "user access administrator");

  private final Duration maximumActivation;

  /** A linter allowing activations up to {@code maximumActivation} (PIM005). */
  public Linter(Duration maximumActivation) {
    this.maximumActivation = Objects.requireNonNull(maximumActivation, "maximumActivation");
  }

  /** The findings, in file order per rule. */
  public List<Finding> lint(PimConfig config) {
    List<Finding> out = new ArrayList<>();
    breakGlass(config, out);
    for (AzureRoleAssignment a : config.azureAssignments()) {
      assignment(config, a, a.role(), out);
      if (BROAD_FORBIDDEN.contains(lower(a.role())) && Scopes.subscriptionOrBroader(a.scope())) {
        out.add(new Finding("PIM004", Finding.Severity.WARNING, a.location(), a.role() + " at " + a.scope()
            + " covers a whole subscription or more.", "Assign it at the resource group or resource that needs it."));
      }
    }
    for (DirectoryRoleAssignment a : config.directoryAssignments()) {
      assignment(config, a, a.role(), out);
    }
    PolicyLint policies = new PolicyLint(config, maximumActivation);
    config.policies().forEach(p -> policies.lint(p, out));
    policies.tier0WithoutPolicy(out);
    return List.copyOf(out);
  }

  private static void breakGlass(PimConfig config, List<Finding> out) {
    if (config.breakGlass().isEmpty()) {
      out.add(new Finding("PIM001", Finding.Severity.WARNING, new Location(config.file(), 1),
          "No break-glass accounts are named.", "List them under breakGlass: (user principal names), so lint can tell "
              + "them from other permanent holders."));
    } else if (!config.directoryAssignments().isEmpty()) {
      for (String account : config.breakGlass()) {
        boolean holds = config.directoryAssignments().stream().anyMatch(a -> a.principal().equalsIgnoreCase(account)
            && standingGlobalAdministrator(a));
        if (!holds) {
          out.add(new Finding("PIM001", Finding.Severity.WARNING, new Location(config.file(), 1), "Break-glass account "
              + account + " holds no permanent Global Administrator assignment.", "Declare it under "
              + "directoryRoles.assignments as an active Global Administrator without end or duration."));
        }
      }
    }
    for (DirectoryRoleAssignment a : config.directoryAssignments()) {
      if (standingGlobalAdministrator(a) && !isBreakGlass(config, a.principal())) {
        out.add(new Finding("PIM011", Finding.Severity.ERROR, a.location(), "Permanent Global Administrator "
            + a.principal() + " is not a named break-glass account.", "Make it eligible (type: eligible), or name the "
            + "account under breakGlass: if it is one."));
      }
    }
  }

  private static boolean standingGlobalAdministrator(DirectoryRoleAssignment a) {
    return a.kind() == AssignmentKind.ACTIVE && a.permanent() && lower(a.role()).equals(GLOBAL_ADMINISTRATOR)
        && a.administrativeUnit().isEmpty();
  }

  private static void assignment(PimConfig config, AssignmentDeclaration a, String role, List<Finding> out) {
    boolean breakGlass = isBreakGlass(config, a.principal());
    if (a.kind() == AssignmentKind.ACTIVE && privileged(role) && !breakGlass) {
      out.add(new Finding("PIM002", a.permanent() ? Finding.Severity.ERROR : Finding.Severity.WARNING, a.location(),
          (a.permanent() ? "Standing" : "Time-bound") + " active assignment of privileged role " + role + " to "
              + a.principal() + ".", "Make it eligible (type: eligible) so it is activated just in time."));
    }
    if (a.principal().contains("@") && !breakGlass) {
      out.add(new Finding("PIM003", Finding.Severity.WARNING, a.location(), role + " is assigned to the user "
          + a.principal() + ".", "Assign it to a group and manage membership (PIM for Groups) instead."));
    }
  }

  static boolean isBreakGlass(PimConfig config, String principal) {
    return config.breakGlass().stream().anyMatch(b -> b.equalsIgnoreCase(principal));
  }

  static boolean tier0(String role) {
    return TIER0.contains(lower(role));
  }

  static boolean privileged(String role) {
    return PRIVILEGED.contains(lower(role)) || lower(role).endsWith("administrator");
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
