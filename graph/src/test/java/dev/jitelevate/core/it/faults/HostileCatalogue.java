package dev.jitelevate.core.it.faults;

import static dev.jitelevate.core.it.faults.FaultWorld.RG_APP;
import static dev.jitelevate.core.it.faults.FaultWorld.SUB_SCOPE;

import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.TicketInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hostile values for every text and number a caller of the core can pass: OData and path injection in role,
 * scope, group and principal, confusable Unicode, workflow-command and ANSI payloads, absurd durations and
 * oversized text. Target fields go through a full run (nothing may become active); free-text fields through
 * validation (nothing is submitted), since their only risk is how they are shown.
 */
final class HostileCatalogue {
  private static final String KVSO = "Key Vault Secrets Officer";
  private static final String SUB = SUB_SCOPE.substring("/subscriptions/".length());

  /** How the case is driven: a full run, or service-side validation that submits nothing. */
  enum Drive { RUN, VALIDATE }

  record HostileCase(String id, String field, Drive drive, Supplier<ElevationRequest.Builder> request) {
    @Override
    public String toString() {
      return id;
    }
  }

  private HostileCatalogue() {}

  static List<HostileCase> all() {
    List<HostileCase> cases = new ArrayList<>();
    String[] roles = {"Owner' or roleName eq 'Reader", "Reader') or (1 eq 1", KVSO + "' or 1 eq 1 or roleName eq '",
        "*", "%27%20or%201%20eq%201", "$filter=roleName eq 'Owner'",
        "../roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Key Vault Secrets \u041efficer", KVSO + "\u200b",
        KVSO + "\u202e", "\uff2bey Vault Secrets Officer", KVSO + "\n::set-output name=role::Owner",
        "\u001b[31mOwner\u001b[0m", "R".repeat(5000), "", "8e3af657-a8ff-443c-a75c-2fe8c4bcb63",
        "00000000-0000-0000-0000-000000000000", "Key Vault Secrets Officer%0A::add-mask::x"};
    for (int i = 0; i < roles.length; i++) {
      String role = roles[i];
      cases.add(run("azure-role-name-" + (i + 1), "role", () -> azure(role, RG_APP)));
    }
    String[] scopes = {RG_APP + "/../../resourceGroups/rg-prod", RG_APP + "/..%2F..%2Fproviders",
        SUB_SCOPE + "/resourceGroups/rg-app%2F..%2F..", "/subscriptions/" + SUB + "'/resourceGroups/rg-app",
        "/subscriptions/not-a-guid", "/subscriptions/../providers/Microsoft.Management/managementGroups/root",
        RG_APP + "?api-version=2015-01-01", RG_APP + "#fragment", RG_APP + "\r\n::add-mask::x",
        RG_APP + "/providers/Microsoft.Authorization/roleAssignments/x", "//evil.example.com/subscriptions/" + SUB,
        "https://evil.example.com" + RG_APP, "/" + "a/".repeat(5000), RG_APP + "/%2e%2e/%2e%2e",
        RG_APP + "\u0000", "/subscriptions/" + SUB + "/resourceGroups/rg-app\u2215..\u2215.."};
    for (int i = 0; i < scopes.length; i++) {
      String scope = scopes[i];
      cases.add(run("azure-role-scope-" + (i + 1), "scope", () -> azure(KVSO, scope)));
    }
    String[] directoryRoles = {"User Administrator' or displayName eq 'Global Administrator",
        "Global Administrator\u0000", "User Adm\u0456nistrator", "User Administrator/../Global Administrator"};
    for (int i = 0; i < directoryRoles.length; i++) {
      String role = directoryRoles[i];
      cases.add(run("directory-role-name-" + (i + 1), "role", () -> FaultCatalogue.directoryRole(Strategy.BROKER)
          .directoryRole(role)));
    }
    String[] groups = {"grp-prod-admins' or displayName eq 'x", "grp-prod-admins/../owners", "grp%2Fprod",
        "../../groups/9a9a9a9a-0000-4000-8000-000000000001", "grp-prod-\u0430dmins"};
    for (int i = 0; i < groups.length; i++) {
      String group = groups[i];
      cases.add(run("group-name-" + (i + 1), "group", () -> FaultCatalogue.group(Strategy.BROKER)
          .group(group, GroupAccess.MEMBER)));
    }
    String[] principals = {"c1c1c1c1-0000-4000-8000-00000000000", "c1c1c1c1-0000-4000-8000-000000000001' or '1'='1",
        "../a11ce000-0000-4000-8000-000000000001", "deadbeef-0000-4000-8000-000000000099"};
    for (int i = 0; i < principals.length; i++) {
      String principal = principals[i];
      cases.add(run("principal-id-" + (i + 1), "principal", () -> azure(KVSO, RG_APP).principal(PrincipalId.of(principal))));
    }
    Duration[] durations = {Duration.ofMinutes(-30), Duration.ZERO, Duration.ofSeconds(1), Duration.ofDays(10_000),
        Duration.ofSeconds(Long.MAX_VALUE), Duration.ofNanos(1)};
    for (int i = 0; i < durations.length; i++) {
      Duration d = durations[i];
      cases.add(run("duration-" + (i + 1), "duration", () -> azure(KVSO, RG_APP).duration(d)));
    }
    cases.add(run("approval-timeout-negative", "approval-timeout", () -> azure(KVSO, RG_APP).approvalTimeout(Duration.ofMinutes(-1))));
    cases.add(run("provisioning-timeout-zero", "provisioning-timeout", () -> azure(KVSO, RG_APP).provisioningTimeout(Duration.ZERO)));
    String[] justifications = {"x".repeat(501), "y".repeat(100_000), "ok \u001b]8;;http://evil\u0007click\u001b]8;;\u0007",
        "ok\r::set-output name=x::y", "ok\n::stop-commands::resume-token", "%0A::error::pwned",
        "ok [jit-elevate 00000000-0000-4000-8000-000000000000]", "EOF\n" + "ghadelimiter_x\n::warning::x"};
    for (int i = 0; i < justifications.length; i++) {
      String j = justifications[i];
      cases.add(validate("justification-" + (i + 1), "justification", () -> azure(KVSO, RG_APP).justification(j)));
    }
    cases.add(validate("ticket-number-newline", "ticket", () -> azure(KVSO, RG_APP).ticket(new TicketInfo("INC-1\n::set-output name=t::x", "Jira"))));
    cases.add(validate("ticket-system-oversized", "ticket", () -> azure(KVSO, RG_APP).ticket(new TicketInfo("INC-1", "S".repeat(1000)))));
    cases.add(validate("label-workflow-command", "label", () -> azure(KVSO, RG_APP).label("run", "1\n::add-mask::x\u001b[2J")));
    return cases;
  }

  private static ElevationRequest.Builder azure(String role, String scope) {
    return FaultCatalogue.azureRole(Strategy.BROKER).azureRole(role, scope);
  }

  private static HostileCase run(String id, String field, Supplier<ElevationRequest.Builder> request) {
    return new HostileCase(id, field, Drive.RUN, request);
  }

  private static HostileCase validate(String id, String field, Supplier<ElevationRequest.Builder> request) {
    return new HostileCase(id, field, Drive.VALIDATE, request);
  }
}
