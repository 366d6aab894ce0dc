package dev.jitelevate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The public constructors of the domain primitives validate as their factories do. */
class DomainPrimitivesTest {
  static final String SUB = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";

  @Nested
  class Scopes {
    @Test
    void acceptsAScopeOfItsDeclaredKind() {
      assertThat(new ArmScope(SUB + "/resourceGroups/rg-app", ArmScope.Kind.RESOURCE_GROUP).value())
          .isEqualTo(SUB + "/resourceGroups/rg-app");
    }

    @Test
    void refusesTextThatIsNoScope() {
      assertThatThrownBy(() -> new ArmScope("not a scope", ArmScope.Kind.SUBSCRIPTION))
          .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("is not an ARM scope");
    }

    @Test
    void refusesAScopeDeclaredAsTheWrongKind() {
      assertThatThrownBy(() -> new ArmScope(SUB, ArmScope.Kind.RESOURCE_GROUP))
          .isInstanceOf(InvalidElevationRequestException.class);
    }

    @Test
    void refusesTheAuthorizationProviderAsAResource() {
      assertThatThrownBy(() -> new ArmScope(SUB + "/resourceGroups/rg/providers/Microsoft.Authorization/roleAssignments/x",
          ArmScope.Kind.RESOURCE)).isInstanceOf(InvalidElevationRequestException.class);
    }

    @Test
    void parsesAsBefore() {
      assertThat(ArmScope.parse(SUB.toUpperCase(java.util.Locale.ROOT).replace("/SUBSCRIPTIONS/", "subscriptions/")))
          .isEqualTo(new ArmScope(SUB, ArmScope.Kind.SUBSCRIPTION));
    }
  }

  @Nested
  class Roles {
    @Test
    void refusesAnIdThatIsNoGuid() {
      assertThatThrownBy(() -> new RoleRef(Optional.of("reader"), Optional.empty()))
          .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("not a role definition id");
    }

    @Test
    void refusesANameWithControlCharacters() {
      assertThatThrownBy(() -> new RoleRef(Optional.empty(), Optional.of("Reader\u001b[31m")))
          .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("not a role name");
    }

    @Test
    void refusesABlankName() {
      assertThatThrownBy(() -> new RoleRef(Optional.empty(), Optional.of("  ")))
          .isInstanceOf(InvalidElevationRequestException.class);
    }

    @Test
    void acceptsWhatParseMakes() {
      assertThat(RoleRef.parse("Key Vault Secrets Officer").displayName()).contains("Key Vault Secrets Officer");
      assertThat(RoleRef.parse(SUB + "/providers/Microsoft.Authorization/roleDefinitions/B86A8FE4-44CE-4948-AEE5-ECCB2C155CD7")
          .id()).contains("b86a8fe4-44ce-4948-aee5-eccb2c155cd7");
    }
  }

  @Nested
  class Groups {
    @Test
    void refusesANameLongerThanTheDirectoryAllows() {
      assertThatThrownBy(() -> new GroupRef(Optional.empty(), Optional.of("g".repeat(257))))
          .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("not a group name");
    }

    @Test
    void acceptsAnIdOrAName() {
      assertThat(GroupRef.parse("9a9a9a9a-0000-4000-8000-000000000001").id()).isPresent();
      assertThat(new GroupRef(Optional.empty(), Optional.of("grp-prod-admins")).describe()).isEqualTo("grp-prod-admins");
    }
  }
}
