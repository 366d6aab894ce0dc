package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import org.junit.jupiter.api.Test;

class ArmScenarioTest {
  private final ArmFixture arm = new ArmFixture();

  private static Scenario scenario(String armSection) {
    return new Scenario(Json.parse(("{\"subscriptions\":[{\"id\":\"" + SUB + "\",\"resourceGroups\":[{\"name\":\"rg-app\"}]}],"
        + "\"arm\":" + armSection + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void aServicePrincipalEligibilityIsRefusedWithAClearReason() {
    assertThatThrownBy(() -> arm.surface.load(scenario("{\"eligibilities\":[{\"principalId\":\"" + CI
        + "\",\"role\":\"Reader\",\"scope\":\"" + SUB_SCOPE + "\"}]}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arm.eligibilities[0]").hasMessageContaining("service principals cannot be eligible");
  }

  @Test
  void anUnknownRoleOrScopeNamesTheEntry() {
    assertThatThrownBy(() -> arm.surface.load(scenario("{\"roleAssignments\":[{\"principalId\":\"" + CI
        + "\",\"role\":\"Galactic Admin\",\"scope\":\"" + SUB_SCOPE + "\"}]}")))
        .hasMessageContaining("arm.roleAssignments[0]").hasMessageContaining("Galactic Admin");
    assertThatThrownBy(() -> arm.surface.load(scenario("{\"roleAssignments\":[{\"principalId\":\"" + CI
        + "\",\"role\":\"Reader\",\"scope\":\"" + SUB_SCOPE + "/resourceGroups/rg-missing\"}]}")))
        .hasMessageContaining("rg-missing");
  }

  @Test
  void rolesMayBeReferencedByIdAndTheEmptyScenarioHasOnlyBuiltIns() {
    arm.surface.load(scenario("{\"roleAssignments\":[{\"principalId\":\"" + CI + "\",\"role\":\"" + READER
        + "\",\"scope\":\"" + SUB_SCOPE + "\"}]}"));
    assertThat(arm.surface.activeAssignments()).singleElement().satisfies(a -> assertThat(a.role()).endsWith(READER));
    arm.surface.load(Scenario.empty());
    assertThat(arm.surface.activeAssignments()).isEmpty();
    assertThat(arm.get("ci", "/subscriptions?api-version=2022-12-01").json().path("value")).isEmpty();
  }
}
