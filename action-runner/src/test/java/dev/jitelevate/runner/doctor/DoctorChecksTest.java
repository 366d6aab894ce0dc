package dev.jitelevate.runner.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.runner.broker.BrokerPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DoctorChecksTest {
  static final String ISSUER = "https://token.actions.githubusercontent.com";
  static final String BROKER = "b0b0b0b0-0000-4000-8000-0000000000a1";
  static final String CI = "c1c1c1c1-0000-4000-8000-0000000000a1";
  static final String RG = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app";
  static final String KV_OFFICER = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
  static final String HARDENED = "repo:contoso/payments:environment:production:job_workflow_ref:"
      + "contoso/jit-elevate/.github/workflows/jit-broker.yml@refs/tags/v1";
  static final String POLICY = "version: 1\nrules:\n  - name: deploy\n    effect: allow\n    when:\n"
      + "      repository: contoso/payments\n    grant:\n      target: azure-role\n"
      + "      roles: [Key Vault Secrets Officer]\n      scope-prefix: " + RG + "\n      max-duration: 1h\n";

  static FederatedCredential credential(String appId, String name, String subject) {
    return new FederatedCredential(appId, "id-" + name, name, ISSUER, subject, List.of("api://AzureADTokenExchange"));
  }

  static BrokerRoleAssignment assignment(String role, String scope, String condition) {
    return new BrokerRoleAssignment(scope + "/providers/Microsoft.Authorization/roleAssignments/1", scope, role,
        role.equals(BrokerRoleAssignment.RBAC_ADMINISTRATOR) ? "Role Based Access Control Administrator" : "User Access Administrator",
        Optional.ofNullable(condition));
  }

  static SetUp setUp(List<FederatedCredential> broker, List<FederatedCredential> ci, List<BrokerRoleAssignment> roles,
      Set<String> graph) {
    return new SetUp(BROKER, "b0b0b0b0-0000-4000-8000-000000000001", broker, Map.of(CI, ci), roles, graph,
        Map.of("Key Vault Secrets Officer", KV_OFFICER));
  }

  static PolicyNeeds needs(String policy) {
    return PolicyNeeds.of(BrokerPolicy.parse(policy, "broker-policy.yml"));
  }

  static List<FindingCode> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  @Nested
  class Subjects {
    @Test
    void aSubjectTheBrokerSharesWithAWorkloadIdentityIsFlaggedWithTheCredentialToDelete() {
      String shared = "repo:contoso/payments:environment:production";
      List<Finding> findings = SubjectChecks.run(setUp(List.of(credential(BROKER, "production", shared)),
          List.of(credential(CI, "production", shared)), List.of(), Set.of()));

      assertThat(codes(findings)).contains(FindingCode.SHARED_SUBJECT, FindingCode.BROKER_SUBJECT_WITHOUT_JOB_WORKFLOW_REF)
          .doesNotContain(FindingCode.BROKER_SUBJECT_WITHOUT_ENVIRONMENT);
      assertThat(findings.get(0).fix()).contains("az ad app federated-credential delete --id " + BROKER
          + " --federated-credential-id id-production");
    }

    @Test
    void aBranchSubjectNamesNeitherEnvironmentNorWorkflow() {
      List<Finding> findings = SubjectChecks.run(setUp(List.of(credential(BROKER, "main",
          "repo:contoso/payments:ref:refs/heads/main")), List.of(), List.of(), Set.of()));

      assertThat(codes(findings)).containsExactly(FindingCode.BROKER_SUBJECT_WITHOUT_JOB_WORKFLOW_REF,
          FindingCode.BROKER_SUBJECT_WITHOUT_ENVIRONMENT);
      assertThat(findings.get(0).fix()).contains("include_claim_keys[]=job_workflow_ref");
    }

    @Test
    void theHardenedSubjectOfTheReusableWorkflowPasses() {
      assertThat(SubjectChecks.run(setUp(List.of(credential(BROKER, "broker", HARDENED)),
          List.of(credential(CI, "deploy", HARDENED.replace("contoso/jit-elevate/.github/workflows/jit-broker.yml@refs/tags/v1",
              "contoso/payments/.github/workflows/deploy.yml@refs/heads/main"))), List.of(), Set.of()))).isEmpty();
    }

    @Test
    void anotherAudienceOrIssuerIsNotASharedSubject() {
      FederatedCredential other = new FederatedCredential(CI, "x", "x", ISSUER + "/", HARDENED, List.of("api://other"));
      assertThat(credential(BROKER, "b", HARDENED).sharesSubjectWith(other)).isFalse();
      assertThat(credential(BROKER, "b", HARDENED).sharesSubjectWith(credential(CI, "c", HARDENED))).isTrue();
    }
  }

  @Nested
  class Roles {
    @Test
    void userAccessAdministratorIsTooBroadAndTheFixPrintsTheConditionOnThePolicysRoles() {
      List<Finding> findings = RoleChecks.run(setUp(List.of(), List.of(), List.of(assignment(
          BrokerRoleAssignment.USER_ACCESS_ADMINISTRATOR, "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12", null)),
          Set.of()), needs(POLICY));

      assertThat(codes(findings)).containsExactly(FindingCode.BROKER_ROLE_TOO_BROAD, FindingCode.BROKER_SCOPE_TOO_BROAD);
      assertThat(findings.get(0).fix())
          .contains("--role \"Role Based Access Control Administrator\" --scope " + RG + " --condition-version 2.0")
          .contains("@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {"
              + KV_OFFICER + "}")
          .contains("@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {"
              + KV_OFFICER + "}")
          .contains("(!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'}))")
          .contains("az role assignment delete --ids");
    }

    @Test
    void rbacAdministratorWithoutConditionIsTooBroad() {
      assertThat(codes(RoleChecks.run(setUp(List.of(), List.of(), List.of(assignment(
          BrokerRoleAssignment.RBAC_ADMINISTRATOR, RG, null)), Set.of()), needs(POLICY))))
          .containsExactly(FindingCode.BROKER_ROLE_TOO_BROAD);
    }

    @Test
    void rbacAdministratorLimitedToThePolicysRolesPasses() {
      assertThat(RoleChecks.run(setUp(List.of(), List.of(), List.of(assignment(BrokerRoleAssignment.RBAC_ADMINISTRATOR,
          RG, AssignableRolesCondition.of(List.of(KV_OFFICER)))), Set.of()), needs(POLICY))).isEmpty();
    }

    @Test
    void aConditionWithMoreRolesThanThePolicyOrMissingOneIsFlagged() {
      String owner = BrokerRoleAssignment.OWNER;
      assertThat(codes(RoleChecks.run(setUp(List.of(), List.of(), List.of(assignment(
          BrokerRoleAssignment.RBAC_ADMINISTRATOR, RG, AssignableRolesCondition.of(List.of(KV_OFFICER, owner)))),
          Set.of()), needs(POLICY)))).containsExactly(FindingCode.BROKER_CONDITION_TOO_BROAD);
      assertThat(codes(RoleChecks.run(setUp(List.of(), List.of(), List.of(assignment(
          BrokerRoleAssignment.RBAC_ADMINISTRATOR, RG, AssignableRolesCondition.of(List.of(owner)))),
          Set.of()), needs(POLICY)))).contains(FindingCode.BROKER_CONDITION_MISSES_ROLE);
    }

    @Test
    void aBrokerWithoutARoleThatAssignsWhereThePolicyGrantsCannotAssign() {
      assertThat(codes(RoleChecks.run(setUp(List.of(), List.of(), List.of(), Set.of()), needs(POLICY))))
          .containsExactly(FindingCode.BROKER_CANNOT_ASSIGN);
    }
  }

  @Nested
  class GraphPermissions {
    static final String GROUP_POLICY = "version: 1\nrules:\n  - name: admins\n    effect: allow\n    when:\n"
        + "      repository: contoso/payments\n    grant:\n      target: group\n      groups: [grp-prod-admins]\n"
        + "      max-duration: 1h\n";

    @Test
    void aGroupRuleNeedsAPimForGroupsWritePermission() {
      List<Finding> findings = GraphPermissionChecks.run(setUp(List.of(), List.of(), List.of(),
          Set.of("7ab1d382-f21e-4acd-a863-ba3e13f7da61")), needs(GROUP_POLICY));

      assertThat(codes(findings)).containsExactly(FindingCode.GRAPH_PERMISSION_MISSING);
      assertThat(findings.get(0).problem()).contains("[admins]");
      assertThat(findings.get(0).fix()).contains("--api-permissions 41202f2c-f7ab-45be-b001-85c9728b9d69=Role");
    }

    @Test
    void theBrokerHoldingItPasses() {
      assertThat(GraphPermissionChecks.run(setUp(List.of(), List.of(), List.of(),
          Set.of("2f6817f8-7b12-4f0f-bc18-eeaf60705a9e")), needs(GROUP_POLICY))).isEmpty();
    }
  }

  @Test
  void everyCodeIsKebabCase() {
    assertThat(FindingCode.BROKER_SUBJECT_WITHOUT_JOB_WORKFLOW_REF.code()).isEqualTo("broker-subject-without-job-workflow-ref");
  }
}
