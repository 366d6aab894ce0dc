package dev.jitelevate.core.internal.gateway.arm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.internal.gateway.ResolvedTarget.RoleActions;
import dev.jitelevate.core.internal.gateway.arm.ManagementGroupCheck.Proof;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagementGroupCheckTest {
  private static RoleActions actions(List<String> actions, List<String> notActions) {
    return new RoleActions(actions, notActions, List.of(), List.of());
  }

  @Test
  void appliesToManagementGroupsInAnyCaseOnly() {
    assertThat(ManagementGroupCheck.appliesTo("/providers/Microsoft.Management/managementGroups/mg-contoso")).isTrue();
    assertThat(ManagementGroupCheck.appliesTo("/PROVIDERS/microsoft.management/MANAGEMENTGROUPS/mg")).isTrue();
    assertThat(ManagementGroupCheck.appliesTo("/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12")).isFalse();
  }

  @Test
  void aRoleGrantingTheAssignmentsReadIsProvenByTheAssignmentList() {
    assertThat(ManagementGroupCheck.proofFor(actions(List.of("*"), List.of()))).isEqualTo(Proof.ASSIGNMENT_VISIBLE);
    assertThat(ManagementGroupCheck.proofFor(actions(List.of("*/read"), List.of()))).isEqualTo(Proof.ASSIGNMENT_VISIBLE);
    assertThat(ManagementGroupCheck.proofFor(actions(List.of("Microsoft.Authorization/*"), List.of())))
        .isEqualTo(Proof.ASSIGNMENT_VISIBLE);
    assertThat(ManagementGroupCheck.proofFor(actions(List.of("microsoft.authorization/roleassignments/READ"), List.of())))
        .isEqualTo(Proof.ASSIGNMENT_VISIBLE);
  }

  @Test
  void aRoleWithoutTheReadOrExcludingItIsProvenByTheIdentitysOwnInstance() {
    assertThat(ManagementGroupCheck.proofFor(RoleActions.none())).isEqualTo(Proof.OWN_INSTANCE);
    assertThat(ManagementGroupCheck.proofFor(new RoleActions(List.of(), List.of(),
        List.of("Microsoft.KeyVault/vaults/secrets/getSecret/action"), List.of()))).isEqualTo(Proof.OWN_INSTANCE);
    assertThat(ManagementGroupCheck.proofFor(actions(List.of("Microsoft.Management/managementGroups/write",
        "Microsoft.Management/managementGroups/read"), List.of()))).isEqualTo(Proof.OWN_INSTANCE);
    assertThat(ManagementGroupCheck.proofFor(actions(List.of("*"), List.of("Microsoft.Authorization/*/read"))))
        .isEqualTo(Proof.OWN_INSTANCE);
  }

  @Test
  void theRolesOwnActionsDecideNotTheNarrowerSetTheVerifyStepProbes() {
    RoleActions userAccessAdministrator = actions(List.of("*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"), List.of());
    RoleActions probed = actions(List.of("Microsoft.Support/supportTickets/write"), List.of());

    assertThat(ManagementGroupCheck.proofFor(userAccessAdministrator)).isEqualTo(Proof.ASSIGNMENT_VISIBLE);
    assertThat(ManagementGroupCheck.proofFor(probed)).as("why the probe alone must not decide").isEqualTo(Proof.OWN_INSTANCE);
  }
}
