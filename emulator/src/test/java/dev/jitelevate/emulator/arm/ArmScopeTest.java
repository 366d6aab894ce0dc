package dev.jitelevate.emulator.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArmScopeTest {
  private static final String SUB = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";

  @Nested
  class Parsing {
    @Test
    void everyScopeKindIsRecognisedAndNormalised() {
      assertThat(ArmScope.parse("/").kind()).isEqualTo(ArmScope.Kind.ROOT);
      assertThat(ArmScope.parse("").prefix()).isEmpty();
      assertThat(ArmScope.parse("/subscriptions/" + SUB + "/").path()).isEqualTo("/subscriptions/" + SUB);
      ArmScope rg = ArmScope.parse("subscriptions/" + SUB + "/resourcegroups/rg-app");
      assertThat(rg.kind()).isEqualTo(ArmScope.Kind.RESOURCE_GROUP);
      assertThat(rg.path()).isEqualTo("/subscriptions/" + SUB + "/resourceGroups/rg-app");
      ArmScope vault = ArmScope.parse("/subscriptions/" + SUB + "/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv");
      assertThat(vault.kind()).isEqualTo(ArmScope.Kind.RESOURCE);
      assertThat(vault.resourceType()).isEqualTo("Microsoft.KeyVault/vaults");
      assertThat(ArmScope.parse("/providers/Microsoft.Management/managementGroups/mg-1").managementGroup()).isEqualTo("mg-1");
    }

    @Test
    void theMicrosoftSubscriptionFormBecomesASubscriptionScope() {
      assertThat(ArmScope.parse("providers/Microsoft.Subscription/subscriptions/" + SUB).path()).isEqualTo("/subscriptions/" + SUB);
    }

    @Test
    void nestedResourceTypesJoinTheirTypeSegments() {
      ArmScope subnet = ArmScope.parse("/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s");
      assertThat(subnet.resourceType()).isEqualTo("Microsoft.Network/virtualNetworks/subnets");
    }

    @Test
    void malformedScopesAreRefusedWithArmCodes() {
      assertThatThrownBy(() -> ArmScope.parse("/subscriptions/abc")).hasMessageContaining("malformed");
      assertThatThrownBy(() -> ArmScope.parse("/tenants/x")).isInstanceOfSatisfying(ArmException.class,
          e -> assertThat(e.code()).isEqualTo("InvalidResourceId"));
      assertThatThrownBy(() -> ArmScope.parse("/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Web"))
          .isInstanceOf(ArmException.class);
    }
  }

  @Nested
  class Containment {
    @Test
    void aScopeContainsItselfAndItsDescendantsIgnoringCase() {
      ArmScope sub = ArmScope.parse("/subscriptions/" + SUB);
      assertThat(sub.containsByPath(ArmScope.parse("/SUBSCRIPTIONS/" + SUB.toUpperCase() + "/resourceGroups/x"))).isTrue();
      assertThat(ArmScope.parse("/subscriptions/" + SUB + "/resourceGroups/rg").containsByPath(ArmScope.parse("/subscriptions/" + SUB + "/resourceGroups/rg2")))
          .isFalse();
      assertThat(ArmScope.ROOT.containsByPath(sub)).isTrue();
    }
  }

  @Nested
  class Actions {
    @Test
    void wildcardsMatchAnyRunAndCaseIsIgnored() {
      assertThat(ActionPattern.matches("*", "Microsoft.KeyVault/vaults/read")).isTrue();
      assertThat(ActionPattern.matches("*/read", "microsoft.keyvault/VAULTS/READ")).isTrue();
      assertThat(ActionPattern.matches("Microsoft.Authorization/*/Write", "Microsoft.Authorization/roleAssignments/write")).isTrue();
      assertThat(ActionPattern.matches("Microsoft.KeyVault/vaults/secrets/*", "Microsoft.KeyVault/vaults/keys/read")).isFalse();
      assertThat(ActionPattern.matches("Microsoft.Key.Vault/*", "MicrosoftXKeyVault/x")).isFalse();
    }
  }

  @Nested
  class Filters {
    private final Set<String> supported = Set.of("atscope()", "principalid", "assignedto()", "astarget()");

    @Test
    void functionsAndComparisonsAreParsedAndJoinedByAnd() {
      dev.jitelevate.emulator.kernel.ODataFilter filter = ArmFilters.parse(Optional.of("asTarget() and principalId eq 'abc'"), supported);
      assertThat(filter.has("astarget()")).isTrue();
      assertThat(filter.value("principalid")).contains("abc");
      assertThat(ArmFilters.parse(Optional.of("assignedTo('u1')"), supported).value("assignedto()")).contains("u1");
      assertThat(ArmFilters.parse(Optional.of("principalId eq u2"), supported).value("principalid")).contains("u2");
      assertThat(ArmFilters.parse(Optional.empty(), supported).isEmpty()).isTrue();
    }

    @Test
    void anUnsupportedTermIsRefusedListingWhatIsSupported() {
      assertThatThrownBy(() -> ArmFilters.parse(Optional.of("status eq 'Provisioned'"), supported))
          .isInstanceOfSatisfying(ArmException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidFilter");
            assertThat(e.getMessage()).contains("atScope()".toLowerCase(), "principalid eq '{value}'");
          });
    }
  }
}
