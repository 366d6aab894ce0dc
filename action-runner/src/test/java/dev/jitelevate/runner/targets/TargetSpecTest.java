package dev.jitelevate.runner.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.InvalidElevationRequestException;
import org.junit.jupiter.api.Test;

class TargetSpecTest {
  static final String RG = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app";

  @Test
  void readsAnAzureRoleAtItsScope() {
    ElevationTarget t = TargetSpec.parse("azure-role:Key Vault Secrets Officer@" + RG);
    assertThat(t).isInstanceOfSatisfying(ElevationTarget.AzureRole.class, a -> {
      assertThat(a.scope().value()).isEqualTo(RG);
      assertThat(a.role().describe()).contains("Key Vault Secrets Officer");
    });
  }

  @Test
  void readsADirectoryRoleAtTheTenantOrAnAdministrativeUnit() {
    assertThat(TargetSpec.parse("directory-role:User Administrator").describe()).contains("User Administrator").endsWith("at /");
    assertThat(TargetSpec.parse("directory-role:User Administrator@/administrativeUnits/5b1d3c2a-0000-4000-8000-000000000001")
        .describe()).contains("/administrativeUnits/");
  }

  @Test
  void readsGroupMembershipByDefaultAndOwnershipWhenAsked() {
    assertThat(((ElevationTarget.Group) TargetSpec.parse("group:grp-ops")).access()).isEqualTo(GroupAccess.MEMBER);
    assertThat(((ElevationTarget.Group) TargetSpec.parse("group:owner@grp-ops")).access()).isEqualTo(GroupAccess.OWNER);
    assertThat(((ElevationTarget.Group) TargetSpec.parse(" group : member@grp-ops ")).group().describe()).contains("grp-ops");
  }

  @Test
  void tellsABareKindFromTheCompactSyntax() {
    assertThat(TargetSpec.isCompact("azure-role")).isFalse();
    assertThat(TargetSpec.isCompact("group:grp-ops")).isTrue();
  }

  @Test
  void aTargetThatCannotBeReadNamesItselfAndTheSyntax() {
    assertThatThrownBy(() -> TargetSpec.parse("azure-role:Contributor"))
        .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("ROLE@SCOPE")
        .hasMessageContaining("azure-role:Contributor");
    assertThatThrownBy(() -> TargetSpec.parse("vm:web-1")).hasMessageContaining("'vm' is not a kind of target");
    assertThatThrownBy(() -> TargetSpec.parse("group:")).hasMessageContaining("no kind and value");
    assertThatThrownBy(() -> TargetSpec.parse("azure-role:Reader@not-a-scope")).isInstanceOf(InvalidElevationRequestException.class);
  }
}
