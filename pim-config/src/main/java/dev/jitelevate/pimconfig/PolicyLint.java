package dev.jitelevate.pimconfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lint rules about policies (PIM005–PIM010) on every surface. A group's member and owner policies count as
 * tier-0 (or privileged) when the file assigns the group a tier-0 (or privileged) role, since membership grants it.
 */
final class PolicyLint {
  private final PimConfig config;
  private final Duration maximumActivation;

  PolicyLint(PimConfig config, Duration maximumActivation) {
    this.config = config;
    this.maximumActivation = maximumActivation;
  }

  void lint(PolicyDeclaration p, List<Finding> out) {
    Optional<String> max = p.get(PolicySetting.MAXIMUM_ACTIVATION);
    if (max.isPresent() && IsoDurations.parse(max.get()).compareTo(maximumActivation) > 0) {
      out.add(new Finding("PIM005", Finding.Severity.WARNING, p.location(), "Activations of " + p.role() + " may last "
          + max.get() + ", more than " + IsoDurations.format(maximumActivation) + ".",
          "Lower maximumActivation to " + IsoDurations.format(maximumActivation) + " or less."));
    }
    if (tier0(p) && !p.isTrue(PolicySetting.REQUIRE_APPROVAL)) {
      out.add(new Finding("PIM006", Finding.Severity.ERROR, p.location(), "Tier-0 role " + p.role()
          + " can be activated without approval.", "Set requireApproval: true and name approvers."));
    }
    if (privileged(p) && !p.isTrue(PolicySetting.REQUIRE_TICKET)) {
      out.add(new Finding("PIM007", Finding.Severity.WARNING, p.location(), "Activating " + p.role()
          + " needs no ticket.", "Set requireTicket: true so each activation names its change."));
    }
    if (tier0(p) && p.get(PolicySetting.AUTHENTICATION_CONTEXT).filter(c -> !c.equals("off")).isEmpty()) {
      out.add(new Finding("PIM008", Finding.Severity.WARNING, p.location(), "Tier-0 role " + p.role()
          + " has no authentication context.", "Set authenticationContext to a Conditional Access context (e.g. c1)."));
    }
    approversEligible(p, out);
    String notified = "notifications.activation.approver.";
    boolean silenced = "false".equals(p.settings().get(PolicySetting.byPath(notified + "defaultRecipients").orElseThrow()))
        && p.get(PolicySetting.byPath(notified + "recipients").orElseThrow()).orElse("").isEmpty();
    if (p.isTrue(PolicySetting.REQUIRE_APPROVAL) && silenced) {
      out.add(new Finding("PIM010", Finding.Severity.WARNING, p.location(), "Approvers of " + p.role()
          + " are not notified of requests.", "Set notifications.activation.approver.defaultRecipients: true."));
    }
  }

  /** PIM006 for tier-0 Azure and directory role assignments whose policy the file does not declare. */
  void tier0WithoutPolicy(List<Finding> out) {
    for (AzureRoleAssignment a : config.azureAssignments()) {
      if (Linter.tier0(a.role()) && config.azurePolicies().stream().noneMatch(p -> p.role().equalsIgnoreCase(a.role())
          && Scopes.key(p.scope()).equals(Scopes.key(a.scope())))) {
        out.add(missing(a.location(), a.role() + " at " + a.scope(), "azureRoles.policies"));
      }
    }
    for (DirectoryRoleAssignment a : config.directoryAssignments()) {
      if (Linter.tier0(a.role()) && !Linter.isBreakGlass(config, a.principal())
          && config.directoryPolicies().stream().noneMatch(p -> p.role().equalsIgnoreCase(a.role()))) {
        out.add(missing(a.location(), a.role(), "directoryRoles.policies"));
      }
    }
  }

  private static Finding missing(Location at, String what, String section) {
    return new Finding("PIM006", Finding.Severity.ERROR, at, "Tier-0 role " + what
        + " has no declared policy, so nothing ensures approval.", "Declare its policy under " + section
        + " with requireApproval: true and approvers.");
  }

  /** PIM009: an approver who holds (directly or as a member of a group the file assigns) what they approve. */
  private void approversEligible(PolicyDeclaration p, List<Finding> out) {
    String approvers = p.get(PolicySetting.APPROVERS).orElse("");
    if (approvers.isEmpty()) {
      return;
    }
    for (String approver : approvers.split(",")) {
      Set<String> as = new HashSet<>(List.of(approver.toLowerCase()));
      config.groupAssignments().stream().filter(g -> g.principal().equalsIgnoreCase(approver)
          && g.access() == GroupAccess.MEMBER).forEach(g -> as.add(g.group().toLowerCase()));
      holders(p).stream().filter(a -> as.contains(a.principal().toLowerCase())).findFirst()
          .ifPresent(a -> out.add(new Finding("PIM009", Finding.Severity.ERROR, p.location(), "Approver " + approver
              + " is also assigned " + p.role() + (a.principal().equalsIgnoreCase(approver) ? "" : " through "
              + a.principal()) + " (line " + a.location().line() + "), so they can approve their own activation.",
              "Choose approvers who are not eligible for the role.")));
    }
  }

  /** The declared assignments a policy governs. */
  private List<AssignmentDeclaration> holders(PolicyDeclaration p) {
    List<AssignmentDeclaration> out = new ArrayList<>();
    if (p instanceof AzureRolePolicy a) {
      config.azureAssignments().stream().filter(x -> x.role().equalsIgnoreCase(a.role())
          && Scopes.key(x.scope()).equals(Scopes.key(a.scope()))).forEach(out::add);
    } else if (p instanceof DirectoryRolePolicy d) {
      config.directoryAssignments().stream().filter(x -> x.role().equalsIgnoreCase(d.role())).forEach(out::add);
    } else if (p instanceof GroupPolicy g) {
      config.groupAssignments().stream().filter(x -> x.group().equalsIgnoreCase(g.group()) && x.access() == g.access())
          .forEach(out::add);
    }
    return out;
  }

  private boolean tier0(PolicyDeclaration p) {
    return p instanceof GroupPolicy g ? groupHolds(g.group(), true) : Linter.tier0(p.role());
  }

  private boolean privileged(PolicyDeclaration p) {
    return p instanceof GroupPolicy g ? groupHolds(g.group(), false) : Linter.privileged(p.role());
  }

  /** Whether the file assigns the group a tier-0 (or merely privileged) Azure or directory role. */
  private boolean groupHolds(String group, boolean tier0) {
    return config.azureAssignments().stream().filter(a -> a.principal().equalsIgnoreCase(group))
        .map(AzureRoleAssignment::role)
        .anyMatch(r -> tier0 ? Linter.tier0(r) : Linter.privileged(r))
        || config.directoryAssignments().stream().filter(a -> a.principal().equalsIgnoreCase(group))
        .map(DirectoryRoleAssignment::role)
        .anyMatch(r -> tier0 ? Linter.tier0(r) : Linter.privileged(r));
  }
}
