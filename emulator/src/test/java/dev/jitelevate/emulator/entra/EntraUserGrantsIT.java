package dev.jitelevate.emulator.entra;

import static dev.jitelevate.emulator.testing.AadErrors.assertAadError;
import static dev.jitelevate.emulator.testing.DemoTenant.ALICE;
import static dev.jitelevate.emulator.testing.DemoTenant.ALICE_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.ARM_SCOPE;
import static dev.jitelevate.emulator.testing.DemoTenant.AZURE_CLI;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB_PASSWORD;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.TENANT;
import static dev.jitelevate.emulator.testing.DemoTenant.claims;
import static dev.jitelevate.emulator.testing.EmulatorHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EntraUserGrantsIT extends PerClassEmulator {
  private static final String TOKEN = TENANT + "/oauth2/v2.0/token";

  @Nested
  class Users {
    @Test
    void passwordSignInGivesADelegatedTokenWithScopesAndAmr() throws IOException {
      EmulatorHttp.Response response = http.postForm(TOKEN, form("grant_type", "password",
          "client_id", AZURE_CLI, "username", BOB_UPN,
          "password", BOB_PASSWORD, "scope", "https://graph.microsoft.com/.default openid offline_access"));
      assertThat(response.status()).isEqualTo(200);
      JsonNode claims = claims(response.json().path("access_token").asText());
      assertThat(claims.path("idtyp").asText()).isEqualTo("user");
      assertThat(claims.path("upn").asText()).isEqualTo(BOB_UPN);
      assertThat(claims.path("scp").asText()).contains("PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup");
      assertThat(claims.path("amr").toString()).isEqualTo("[\"mfa\",\"pwd\"]");
      assertThat(response.json().path("refresh_token").asText()).isNotBlank();
      assertThat(response.json().path("id_token").asText()).isNotBlank();
    }

    @Test
    void aWrongPasswordIsAadsts50126() throws IOException {
      assertAadError(http.postForm(TOKEN, form("grant_type", "password", "client_id", AZURE_CLI,
          "username", BOB_UPN, "password", "x", "scope", ARM_SCOPE)), 400, "invalid_grant", 50126);
    }

    @Test
    void theDeviceCodeFlowIsPendingOnTheFirstPollThenCompletes() throws IOException {
      JsonNode code = http.postForm(TENANT + "/oauth2/v2.0/devicecode", form("client_id", AZURE_CLI,
          "scope", ARM_SCOPE, "login_hint", ALICE_UPN)).json();
      assertThat(code.path("user_code").asText()).isNotBlank();
      assertThat(code.path("interval").asInt()).isPositive();
      String poll = form("grant_type", TokenEndpoint.DEVICE_CODE_GRANT, "client_id", AZURE_CLI,
          "device_code", code.path("device_code").asText());
      assertAadError(http.postForm(TOKEN, poll), 400, "authorization_pending", 70016);
      EmulatorHttp.Response done = http.postForm(TOKEN, poll);
      assertThat(done.status()).isEqualTo(200);
      assertThat(claims(done.json().path("access_token").asText()).path("oid").asText())
          .isEqualTo(ALICE);
      assertAadError(http.postForm(TOKEN, poll), 400, "expired_token", 70020);
    }

    @Test
    void aPasswordSignInCannotCompleteAnAuthenticationContextAndIsTold50076() throws IOException {
      assertAadError(http.postForm(TOKEN, form("grant_type", "password", "client_id", AZURE_CLI,
          "username", BOB_UPN, "password", BOB_PASSWORD, "scope", ARM_SCOPE,
          "claims", "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}")), 400, "invalid_grant", 50076);
    }

    @Test
    void aRefreshTokenGivesOnlyTheContextsItsSignInSatisfied() throws IOException {
      String claimsC1 = "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}";
      JsonNode code = http.postForm(TENANT + "/oauth2/v2.0/devicecode", form("client_id", AZURE_CLI,
          "scope", ARM_SCOPE + " offline_access", "claims", claimsC1)).json();
      String poll = form("grant_type", TokenEndpoint.DEVICE_CODE_GRANT, "client_id", AZURE_CLI,
          "device_code", code.path("device_code").asText());
      http.postForm(TOKEN, poll);
      JsonNode done = http.postForm(TOKEN, poll).json();
      assertThat(claims(done.path("access_token").asText()).path("acrs").toString()).isEqualTo("[\"c1\"]");
      String refresh = done.path("refresh_token").asText();
      EmulatorHttp.Response c1 = http.postForm(TOKEN, form("grant_type", "refresh_token", "client_id",
          AZURE_CLI, "refresh_token", refresh, "scope", ARM_SCOPE, "claims", claimsC1));
      assertThat(claims(c1.json().path("access_token").asText()).path("acrs").toString()).isEqualTo("[\"c1\"]");
      assertAadError(http.postForm(TOKEN, form("grant_type", "refresh_token", "client_id", AZURE_CLI,
          "refresh_token", refresh, "scope", ARM_SCOPE, "claims", claimsC1.replace("c1", "c2"))), 400, "invalid_grant", 50076);
    }

    @Test
    void anUnsupportedGrantIsAadsts70003() throws IOException {
      assertAadError(http.postForm(TOKEN, form("grant_type", "magic")), 400, "unsupported_grant_type", 70003);
    }
  }

  @Nested
  class Discovery {
    @Test
    void theOpenIdConfigurationPointsAtTheEmulatorsEndpoints() throws IOException {
      JsonNode doc = http.get(TENANT + "/v2.0/.well-known/openid-configuration").json();
      assertThat(doc.path("token_endpoint").asText()).isEqualTo(emulator.baseUrl() + TOKEN);
      assertThat(http.get(TENANT + "/discovery/v2.0/keys").json().at("/keys/0/kty").asText()).isEqualTo("RSA");
    }

    @Test
    void instanceDiscoveryAndUserRealmAnswerAsForAManagedTenant() throws IOException {
      assertThat(http.get("common/discovery/instance?api-version=1.1&authorization_endpoint=x").json()
          .path("tenant_discovery_endpoint").asText()).contains("/.well-known/openid-configuration");
      assertThat(http.get("common/userrealm/" + ALICE_UPN + "?api-version=1.0").json()
          .path("account_type").asText()).isEqualTo("Managed");
    }
  }
}
