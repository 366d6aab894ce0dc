package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.emulator.kernel.EmulatorRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArmRequestBasicsTest {
  private final ArmFixture arm = new ArmFixture();
  private final String roleAssignments = SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC;

  @Nested
  class Ownership {
    @Test
    void ownsSubscriptionAndProviderPathsInAnyCase() {
      assertThat(arm.surface.owns(ArmFixture.request("GET", "/SUBSCRIPTIONS/x", java.util.Map.of(), null))).isTrue();
      assertThat(arm.surface.owns(ArmFixture.request("GET", "/providers/Microsoft.Authorization/roleAssignmentApprovals", java.util.Map.of(), null))).isTrue();
      assertThat(arm.surface.owns(ArmFixture.request("GET", "/v1.0/me", java.util.Map.of(), null))).isFalse();
      assertThat(arm.surface.owns(ArmFixture.request("POST", "/" + TENANT + "/oauth2/v2.0/token", java.util.Map.of(), null))).isFalse();
    }
  }

  @Nested
  class Authentication {
    @Test
    void aMissingAuthorizationHeaderIsRefusedWithAuthenticationFailed() {
      var reply = arm.get(null, roleAssignments);
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.code()).isEqualTo("AuthenticationFailed");
      assertThat(reply.message()).isEqualTo("Authentication failed. The 'Authorization' header is missing.");
    }

    @Test
    void anUnknownTokenIsRefusedAsInvalid() {
      var reply = arm.get("not-a-token", roleAssignments);
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.code()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
      long exp = Instant.parse("2026-01-15T08:00:00Z").getEpochSecond();
      String payload = Base64.getUrlEncoder().withoutPadding()
          .encodeToString(("{\"aud\":\"https://management.azure.com/\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
      var reply = arm.get("eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln", roleAssignments);
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.code()).isEqualTo("ExpiredAuthenticationToken");
      assertThat(reply.message()).contains("is earlier than current UTC time");
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedNamingTheAudience() {
      String payload = Base64.getUrlEncoder().withoutPadding()
          .encodeToString("{\"aud\":\"https://vault.azure.net\",\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8));
      var reply = arm.get("eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln", roleAssignments);
      assertThat(reply.code()).isEqualTo("InvalidAuthenticationTokenAudience");
      assertThat(reply.message()).contains("https://vault.azure.net");
    }

    @Test
    void armAudiencesAndTheEmulatorsOwnBaseUrlAreAccepted() {
      assertThat(new ArmAuth(arm.context).audiences()).contains("https://management.azure.com/", "https://management.azure.com",
          "https://management.core.windows.net/", "https://127.0.0.1:8443/", "https://127.0.0.1:8443");
    }
  }

  @Nested
  class ApiVersion {
    @Test
    void aMissingApiVersionIsRefused() {
      var reply = arm.get("broker", SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignments");
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("MissingApiVersionParameter");
    }

    @Test
    void anUnsupportedApiVersionIsRefusedListingTheSupportedOnes() {
      var reply = arm.get("broker", SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignmentScheduleInstances?api-version=2022-04-01");
      assertThat(reply.code()).isEqualTo("InvalidApiVersionParameter");
      assertThat(reply.message()).contains("2020-10-01", "2024-09-01-preview");
    }

    @Test
    void approvalsOnlyAcceptTheirPreviewVersion() {
      var reply = arm.get("bob", "/providers/Microsoft.Authorization/roleAssignmentApprovals?api-version=2020-10-01");
      assertThat(reply.code()).isEqualTo("InvalidApiVersionParameter");
      assertThat(reply.message()).contains("2021-01-01-preview");
    }
  }

  @Nested
  class Scopes {
    @Test
    void anUnknownSubscriptionIsNotFound() {
      var reply = arm.get("broker", "/subscriptions/00000000-0000-4000-8000-000000000000/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC);
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.code()).isEqualTo("SubscriptionNotFound");
    }

    @Test
    void anUnknownResourceGroupIsNotFound() {
      var reply = arm.get("broker", SUB_SCOPE + "/resourceGroups/rg-nope/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC);
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.code()).isEqualTo("ResourceGroupNotFound");
    }

    @Test
    void aMalformedSubscriptionIdIsABadRequest() {
      var reply = arm.get("broker", "/subscriptions/not-a-guid/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("InvalidSubscriptionId");
    }

    @Test
    void aMalformedScopeIsABadRequest() {
      var reply = arm.get("broker", SUB_SCOPE + "/resourceGroups/rg-app/providers/Microsoft.KeyVault/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("InvalidResourceId");
    }

    @Test
    void theMicrosoftSubscriptionExampleFormIsNormalisedToTheSubscriptionScope() {
      var reply = arm.get("alice", "/providers/Microsoft.Subscription/subscriptions/" + SUB
          + "/providers/Microsoft.Authorization/roleEligibilityScheduleInstances?api-version=" + PIM + "&$filter=asTarget()");
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().path("value").get(0).path("properties").path("scope").asText()).startsWith(SUB_SCOPE);
    }

    @Test
    void providerAndResourceTypeSegmentsAreCaseInsensitive() {
      var reply = arm.get("broker", SUB_SCOPE.toUpperCase().replace("SUBSCRIPTIONS", "subscriptions")
          + "/PROVIDERS/microsoft.AUTHORIZATION/ROLEASSIGNMENTS?api-version=" + RBAC);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().path("value").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theSdksDoubleSlashIsCollapsedBeforeRouting() {
      EmulatorRequest request = ArmFixture.request("GET", "//subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC,
          java.util.Map.of("Authorization", java.util.List.of("Bearer broker")), null);
      assertThat(arm.surface.handle(request).status()).isEqualTo(200);
    }

    @Test
    void anUnknownAuthorizationResourceTypeIsABadRequest() {
      var reply = arm.get("broker", SUB_SCOPE + "/providers/Microsoft.Authorization/denyAssignmentz?api-version=" + RBAC);
      assertThat(reply.code()).isEqualTo("InvalidResourceType");
    }
  }

  @Nested
  class Bodies {
    @Test
    void malformedJsonIsInvalidRequestContent() {
      var reply = arm.put("broker", SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignments/" + newName() + "?api-version=" + RBAC, "{not json");
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("InvalidRequestContent");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
      var reply = arm.put("broker", SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignments/" + newName() + "?api-version=" + RBAC,
          "{\"properties\":{\"principalId\":\"" + CI + "\"}}");
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("InvalidRequestContent");
      assertThat(reply.message()).contains("roleDefinitionId");
    }

    @Test
    void oddBodiesAreBadRequestsNeverServerErrors() {
      String path = SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignments/" + newName() + "?api-version=" + RBAC;
      assertThat(arm.put("broker", path, "").code()).isEqualTo("InvalidRequestContent");
      assertThat(arm.put("broker", path, "[]").code()).isEqualTo("InvalidRequestContent");
      assertThat(arm.put("broker", path, "{\"properties\":\"x\"}").code()).isEqualTo("InvalidRequestContent");
      assertThat(arm.put("alice", requests(RG_APP, newName()), "{\"properties\":{\"principalId\":\"" + ALICE
          + "\",\"roleDefinitionId\":\"not-a-role\",\"requestType\":\"SelfActivate\"}}").code()).isEqualTo("InvalidRoleDefinitionId");
      assertThat(arm.put("alice", requests(RG_APP, newName()), "{\"properties\":{\"principalId\":\"" + ALICE
          + "\",\"roleDefinitionId\":\"" + KV_SECRETS_OFFICER + "\",\"requestType\":\"Sideways\"}}").message()).contains("Sideways");
    }

    @Test
    void aScheduleThatEndsBeforeItStartsIsRefused() {
      var body = ArmFixture.scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", null, "x");
      ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("properties")).putObject("scheduleInfo").putObject("expiration")
          .put("type", "AfterDateTime").put("endDateTime", "2020-01-01T00:00:00Z");
      var reply = arm.put("alice", requests(RG_APP, newName()), body);
      assertThat(reply.code()).isEqualTo("InvalidRequestContent");
      assertThat(reply.message()).contains("not after its start");
    }

    @Test
    void anUnsupportedMethodIsMethodNotAllowed() {
      var reply = arm.send("DELETE", "broker", SUB_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions/" + OWNER + "?api-version=" + RBAC, null);
      assertThat(reply.status()).isEqualTo(405);
    }

    @Test
    void aScheduleRequestWithoutRequestTypeIsRefusedNamingIt() {
      var body = ArmFixture.scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "x");
      ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("properties")).remove("requestType");
      var reply = arm.put("alice", requests(RG_APP, newName()), body);
      assertThat(reply.message()).contains("requestType");
    }
  }

  @Nested
  class Resources {
    @Test
    void readingAResourceWithoutReadPermissionIsAuthorizationFailed() {
      var reply = arm.get("alice", VAULT + "?api-version=2023-07-01");
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.code()).isEqualTo("AuthorizationFailed");
      assertThat(reply.message()).isEqualTo("The client 'alice@contoso-emu.onmicrosoft.com' with object id '" + ALICE
          + "' does not have authorization to perform action 'Microsoft.KeyVault/vaults/read' over scope '" + VAULT
          + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
    }

    @Test
    void aReaderCanReadTheVaultAndTheResourceGroup() {
      assertThat(arm.get("ci", VAULT + "?api-version=2023-07-01").json().path("name").asText()).isEqualTo("kv-jit-demo");
      assertThat(arm.get("ci", RG_APP + "?api-version=2021-04-01").json().path("location").asText()).isEqualTo("westeurope");
      assertThat(arm.get("ci", "/subscriptions?api-version=2022-12-01").json().path("value")).hasSize(1);
    }

    @Test
    void anAbsentResourceTheCallerMayReadIsNotFound() {
      var reply = arm.get("ci", RG_APP + "/providers/Microsoft.KeyVault/vaults/kv-other?api-version=2023-07-01");
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.code()).isEqualTo("ResourceNotFound");
    }
  }
}
