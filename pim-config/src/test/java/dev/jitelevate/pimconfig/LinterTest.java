package dev.jitelevate.pimconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinterTest {
  private static final String SUB = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  private static final Linter LINTER = new Linter(Duration.ofHours(8));

  private static List<Finding> lint(String yaml) {
    return LINTER.lint(PimConfig.parse(yaml, "pim.yaml"));
  }

  @Test
  void flagsAStandingOwnerAsAnError() {
    List<Finding> findings = lint("""
        version: 1
        breakGlass: [bg@contoso.com]
        azureRoles:
          assignments:
            - principal: grp-ops
              role: Owner
              scope: %s/resourceGroups/rg
              type: active
        """.formatted(SUB));

    assertThat(findings).filteredOn(f -> f.rule().equals("PIM002"))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
          assertThat(f.location()).isEqualTo(new Location("pim.yaml", 5));
          assertThat(f.render()).startsWith("pim.yaml:5: error PIM002 Standing active assignment").contains("Fix: ");
        });
  }

  @Test
  void flagsAnApproverWhoIsAlsoEligible() {
    List<Finding> findings = lint("""
        version: 1
        breakGlass: [bg@contoso.com]
        azureRoles:
          assignments:
            - principal: grp-ops
              role: Contributor
              scope: %1$s/resourceGroups/rg
              type: eligible
              duration: P90D
          policies:
            - role: Contributor
              scope: %1$s/resourceGroups/rg
              requireApproval: true
              requireTicket: true
              approvers: [grp-ops]
        """.formatted(SUB));

    assertThat(findings).extracting(Finding::rule).containsExactly("PIM009");
    assertThat(findings.get(0).message()).contains("Approver grp-ops", "line 5");
  }

  @Test
  void flagsUsersBroadScopesLongActivationsAndTierZeroWithoutApproval() {
    List<Finding> findings = lint("""
        version: 1
        azureRoles:
          assignments:
            - principal: alice@contoso.com
              role: User Access Administrator
              scope: %1$s
              type: eligible
          policies:
            - role: User Access Administrator
              scope: %1$s
              maximumActivation: PT12H
              requireApproval: false
        """.formatted(SUB));

    assertThat(findings).extracting(Finding::rule)
        .containsExactly("PIM001", "PIM003", "PIM004", "PIM005", "PIM006", "PIM007", "PIM008");
  }

  @Test
  void acceptsAFileThatFollowsEveryPrinciple() {
    List<Finding> findings = lint("""
        version: 1
        breakGlass: [bg@contoso.com]
        azureRoles:
          assignments:
            - principal: grp-owners
              role: Owner
              scope: %1$s/resourceGroups/rg
              type: eligible
              duration: P180D
          policies:
            - role: Owner
              scope: %1$s/resourceGroups/rg
              maximumActivation: PT2H
              requireApproval: true
              requireTicket: true
              authenticationContext: c1
              approvers: [grp-approvers]
        """.formatted(SUB));

    assertThat(findings).isEmpty();
  }

  @Test
  void flagsAStandingGlobalAdministratorWhoIsNotANamedBreakGlassAccount() {
    List<Finding> findings = lint("""
        version: 1
        breakGlass: [bg@contoso.com]
        directoryRoles:
          assignments:
            - principal: bg@contoso.com
              role: Global Administrator
              type: active
            - principal: carol@contoso.com
              role: Global Administrator
              type: active
          policies:
            - role: Global Administrator
              requireApproval: true
              requireTicket: true
              authenticationContext: c1
              approvers: [grp-approvers]
        """);

    assertThat(findings).extracting(Finding::rule).containsExactly("PIM011", "PIM002", "PIM003");
    assertThat(findings.get(0).render()).startsWith("pim.yaml:8: error PIM011 Permanent Global Administrator "
        + "carol@contoso.com is not a named break-glass account.");
  }

  @Test
  void flagsABreakGlassAccountThatHoldsNoGlobalAdministrator() {
    List<Finding> findings = lint("""
        version: 1
        breakGlass: [bg@contoso.com]
        directoryRoles:
          assignments:
            - principal: grp-helpdesk
              role: Helpdesk Administrator
              type: eligible
              duration: P90D
        """);

    assertThat(findings).extracting(Finding::rule).containsExactly("PIM001");
    assertThat(findings.get(0).message()).contains("bg@contoso.com holds no permanent Global Administrator");
  }

  @Test
  void flagsAnApproverWhoIsEligibleThroughAGroupOnTheGraphSurfaces() {
    List<Finding> findings = lint("""
        version: 1
        breakGlass: [bg@contoso.com]
        directoryRoles:
          assignments:
            - principal: bg@contoso.com
              role: Global Administrator
              type: active
            - principal: grp-pra
              role: Privileged Role Administrator
              type: eligible
              duration: P180D
          policies:
            - role: Privileged Role Administrator
              requireApproval: true
              requireTicket: true
              authenticationContext: c1
              approvers: [dave@contoso.com]
        groups:
          assignments:
            - principal: dave@contoso.com
              group: grp-pra
              access: member
              type: eligible
              duration: P30D
          policies:
            - group: grp-pra
              access: member
              maximumActivation: PT2H
              requireApproval: false
        """);

    assertThat(findings).extracting(Finding::rule).containsExactly("PIM009", "PIM006", "PIM007", "PIM008");
    assertThat(findings.get(0).message()).contains("Approver dave@contoso.com", "through grp-pra", "line 8");
    assertThat(findings.get(1).message()).contains("member of grp-pra");
  }

  @Test
  void theWorkflowExamplesFileOnThreeSurfacesFollowsEveryPrinciple() {
    PimConfig example = PimConfig.load(java.nio.file.Path.of("../docs/pim-tenant.example.yaml"));

    assertThat(LINTER.lint(example)).isEmpty();
    assertThat(example.directoryAssignments()).isNotEmpty();
    assertThat(example.groupAssignments()).isNotEmpty();
  }
}
