package dev.jitelevate.pimconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PimConfigTest {
  static final String SAMPLE = """
      version: 1
      breakGlass: [bg1@contoso.com]
      azureRoles:
        assignments:
          - principal: grp-ops
            role: Contributor
            scope: /subscriptions/s1/resourceGroups/rg-app/
            type: eligible
            duration: P90D
          - principal: alice@contoso.com
            role: Reader
            scope: /subscriptions/s1
            type: active
            end: 2027-01-31T00:00:00Z
        policies:
          - role: Contributor
            scope: /subscriptions/s1/resourceGroups/rg-app
            maximumActivation: PT480M
            requireApproval: true
            approvers: [zed@contoso.com, bob@contoso.com]
            authenticationContext: null
            notifications:
              activation:
                approver: { level: Critical, defaultRecipients: false, recipients: [sec@contoso.com] }
      """;

  @Nested
  class Reading {
    @Test
    void readsAssignmentsWithTheirLinesAndNormalisedScopes() {
      PimConfig config = PimConfig.parse(SAMPLE, "pim.yaml");

      assertThat(config.breakGlass()).containsExactly("bg1@contoso.com");
      AzureRoleAssignment first = config.azureAssignments().get(0);
      assertThat(first.scope()).isEqualTo("/subscriptions/s1/resourceGroups/rg-app");
      assertThat(first.kind()).isEqualTo(AssignmentKind.ELIGIBLE);
      assertThat(first.duration()).contains(Duration.ofDays(90));
      assertThat(first.location()).isEqualTo(new Location("pim.yaml", 5));
      assertThat(config.azureAssignments().get(1).end()).contains(Instant.parse("2027-01-31T00:00:00Z"));
    }

    @Test
    void readsOnlyTheDeclaredPolicySettingsInCanonicalSpelling() {
      AzureRolePolicy policy = PimConfig.parse(SAMPLE, "pim.yaml").azurePolicies().get(0);

      assertThat(policy.settings()).containsOnlyKeys(PolicySetting.MAXIMUM_ACTIVATION, PolicySetting.REQUIRE_APPROVAL,
          PolicySetting.APPROVERS, PolicySetting.AUTHENTICATION_CONTEXT,
          PolicySetting.notification("activation", "approver", "level"),
          PolicySetting.notification("activation", "approver", "defaultRecipients"),
          PolicySetting.notification("activation", "approver", "recipients"));
      assertThat(policy.get(PolicySetting.MAXIMUM_ACTIVATION)).contains("PT8H");
      assertThat(policy.get(PolicySetting.APPROVERS)).contains("bob@contoso.com,zed@contoso.com");
      assertThat(policy.get(PolicySetting.AUTHENTICATION_CONTEXT)).contains("off");
    }

    @Test
    void writesYamlThatReadsBackToTheSameConfiguration() {
      PimConfig config = PimConfig.parse(SAMPLE, "pim.yaml");

      PimConfig again = PimConfig.parse(config.toYaml(), "pim.yaml");

      assertThat(again.azurePolicies().get(0).settings()).isEqualTo(config.azurePolicies().get(0).settings());
      assertThat(again.azureAssignments()).extracting(AzureRoleAssignment::describe)
          .isEqualTo(config.azureAssignments().stream().map(AzureRoleAssignment::describe).toList());
    }
  }

  static final String GRAPH_SAMPLE = """
      version: 1
      directoryRoles:
        assignments:
          - principal: grp-helpdesk
            role: User Administrator
            administrativeUnit: au-emea
            type: eligible
            duration: P180D
          - principal: bg1@contoso.com
            role: Global Administrator
            type: active
        policies:
          - role: User Administrator
            maximumActivation: PT2H
            requireApproval: true
            approvers: [grp-approvers]
      groups:
        assignments:
          - principal: alice@contoso.com
            group: grp-helpdesk
            access: member
            type: eligible
            end: 2027-06-30T00:00:00Z
        policies:
          - group: grp-helpdesk
            access: owner
            requireTicket: true
      """;

  @Nested
  class GraphSurfaces {
    @Test
    void readsDirectoryRolesAndGroupsWithTheirLines() {
      PimConfig config = PimConfig.parse(GRAPH_SAMPLE, "pim.yaml");

      assertThat(config.directoryAssignments()).extracting(DirectoryRoleAssignment::describe).containsExactly(
          "eligible User Administrator for grp-helpdesk in administrative unit au-emea",
          "active Global Administrator for bg1@contoso.com in the tenant");
      assertThat(config.directoryAssignments().get(1).permanent()).isTrue();
      assertThat(config.directoryPolicies().get(0).get(PolicySetting.MAXIMUM_ACTIVATION)).contains("PT2H");
      assertThat(config.groupAssignments().get(0).location()).isEqualTo(new Location("pim.yaml", 19));
      assertThat(config.groupAssignments().get(0).end()).contains(Instant.parse("2027-06-30T00:00:00Z"));
      assertThat(config.groupPolicies().get(0).describe()).isEqualTo("policy of owner of grp-helpdesk");
    }

    @Test
    void writesYamlThatReadsBackToTheSameConfiguration() {
      PimConfig config = PimConfig.parse(GRAPH_SAMPLE, "pim.yaml");

      PimConfig again = PimConfig.parse(config.toYaml(), "pim.yaml");

      assertThat(again.assignments()).extracting(AssignmentDeclaration::describe)
          .isEqualTo(config.assignments().stream().map(AssignmentDeclaration::describe).toList());
      assertThat(again.policies()).extracting(PolicyDeclaration::settings)
          .isEqualTo(config.policies().stream().map(PolicyDeclaration::settings).toList());
    }

    @Test
    void refusesAnAccessOtherThanMemberOrOwnerWithItsLine() {
      assertThatThrownBy(() -> PimConfig.parse(GRAPH_SAMPLE.replace("access: member", "access: admin"), "pim.yaml"))
          .hasMessageStartingWith("pim.yaml:21: ")
          .hasMessageContaining("pim-config.schema.json");
    }

    @Test
    void refusesAnUnknownSettingInAGroupPolicy() {
      assertThatThrownBy(() -> PimConfig.parse(GRAPH_SAMPLE.replace("requireTicket", "requireTickets"), "pim.yaml"))
          .hasMessageStartingWith("pim.yaml:")
          .hasMessageContaining("requireTickets");
    }
  }

  @Nested
  class BadInput {
    @Test
    void namesTheLineOfAValueOutsideTheSchema() {
      String yaml = SAMPLE.replace("type: active", "type: standing");

      assertThatThrownBy(() -> PimConfig.parse(yaml, "pim.yaml"))
          .isInstanceOf(PimConfigException.class)
          .hasMessageStartingWith("pim.yaml:13: ")
          .hasMessageContaining("pim-config.schema.json");
    }

    @Test
    void namesTheLineOfAnUnknownProperty() {
      String yaml = SAMPLE.replace("requireApproval: true", "requireAproval: true");

      assertThatThrownBy(() -> PimConfig.parse(yaml, "pim.yaml"))
          .hasMessageStartingWith("pim.yaml:")
          .hasMessageContaining("requireAproval");
    }

    @Test
    void refusesAnAssignmentWithBothAnEndAndADuration() {
      String yaml = SAMPLE.replace("duration: P90D", "duration: P90D\n      end: 2027-01-31T00:00:00Z");

      assertThatThrownBy(() -> PimConfig.parse(yaml, "pim.yaml")).hasMessageStartingWith("pim.yaml:");
    }

    @Test
    void refusesAnEndThatIsNoDateTime() {
      String yaml = SAMPLE.replace("2027-01-31T00:00:00Z", "next tuesday");

      assertThatThrownBy(() -> PimConfig.parse(yaml, "pim.yaml"))
          .hasMessageStartingWith("pim.yaml:14: ")
          .hasMessageContaining("ISO-8601");
    }

    @Test
    void reportsBrokenYamlWithItsLine() {
      assertThatThrownBy(() -> PimConfig.parse("version: 1\nazureRoles: [\n", "pim.yaml"))
          .hasMessageStartingWith("pim.yaml:")
          .hasMessageContaining("not valid YAML");
    }
  }
}
