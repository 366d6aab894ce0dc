package dev.jitelevate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Scenario;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The built-in demo scenario uses every documented section with the well-known ids of docs/scenario-format.md. */
class DemoScenarioTest {
  private final Scenario demo = Scenario.demo();

  @Nested
  class Sections {
    @Test
    void everyDocumentedSectionIsPresentAndNotEmpty() {
      for (String section : new String[] {"users", "servicePrincipals", "groups", "subscriptions", "managementGroups", "vaults"}) {
        assertThat(demo.section(section).size()).as(section).isPositive();
      }
      assertThat(demo.section("tenant").path("id").asText()).isEqualTo("7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01");
      assertThat(demo.section("github").path("requestToken").asText()).isEqualTo("demo-oidc-request-token-5b7d");
      for (String part : new String[] {"roleDefinitions", "roleAssignments", "eligibilities", "policies"}) {
        assertThat(demo.section("arm").path(part).size()).as("arm." + part).isPositive();
      }
      for (String part : new String[] {"eligibilities", "policies"}) {
        assertThat(demo.section("directory").path(part).size()).as("directory." + part).isPositive();
        assertThat(demo.section("pimGroups").path(part).size()).as("pimGroups." + part).isPositive();
      }
      assertThat(demo.section("directory").path("roleAssignments").isArray()).isTrue();
    }

    @Test
    void theEmptyScenarioIsABareTenant() {
      assertThat(Scenario.empty().section("tenant").path("id").asText()).isNotBlank();
    }
  }

  @Nested
  class WellKnownIds {
    @Test
    void theBrokerAndTheCiIdentityAreThere() {
      JsonNode broker = find(demo.section("servicePrincipals"), "b0b0b0b0-0000-4000-8000-000000000001");
      assertThat(broker.path("appId").asText()).isEqualTo("b0b0b0b0-0000-4000-8000-0000000000a1");
      assertThat(broker.path("secrets").toString()).contains("demo-broker-secret-7f3e9c21");
      // The Action signs the broker in with the job's OIDC token, as it does the CI identity: no stored secret.
      assertThat(broker.path("federatedCredentials").toString()).contains("repo:contoso/payments:ref:refs/heads/main",
          "repo:contoso/payments:environment:production").doesNotContain("pull_request");
      JsonNode ci = find(demo.section("servicePrincipals"), "c1c1c1c1-0000-4000-8000-000000000001");
      assertThat(ci.path("federatedCredentials").toString()).contains("repo:contoso/payments:ref:refs/heads/main",
          "repo:contoso/payments:environment:production", "repo:contoso/payments:pull_request");
    }

    @Test
    void aliceBobTheGroupAndTheVaultAreThere() {
      assertThat(find(demo.section("users"), "a11ce000-0000-4000-8000-000000000001").path("mfa").asBoolean()).isTrue();
      assertThat(find(demo.section("users"), "b0b00000-0000-4000-8000-000000000002").path("password").asText())
          .isEqualTo("demo-bob-pw-8c1f");
      assertThat(find(demo.section("groups"), "9a9a9a9a-0000-4000-8000-000000000001").path("displayName").asText())
          .isEqualTo("grp-prod-admins");
      assertThat(demo.section("vaults").get(0).path("secrets").toString()).contains("db-password", "api-key");
    }
  }

  private static JsonNode find(JsonNode array, String id) {
    for (JsonNode node : array) {
      if (id.equals(node.path("id").asText())) {
        return node;
      }
    }
    throw new AssertionError("no entry with id " + id);
  }
}
