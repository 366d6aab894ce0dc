package dev.jitelevate.emulator.entra;

import static dev.jitelevate.emulator.testing.AadErrors.assertAadError;
import static dev.jitelevate.emulator.testing.DemoTenant.ARM_SCOPE;
import static dev.jitelevate.emulator.testing.DemoTenant.BROKER_APP;
import static dev.jitelevate.emulator.testing.DemoTenant.BROKER_SECRET;
import static dev.jitelevate.emulator.testing.DemoTenant.CI;
import static dev.jitelevate.emulator.testing.DemoTenant.CI_APP;
import static dev.jitelevate.emulator.testing.DemoTenant.TENANT;
import static dev.jitelevate.emulator.testing.DemoTenant.claims;
import static dev.jitelevate.emulator.testing.EmulatorHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import dev.jitelevate.emulator.testing.VectorShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EntraTokenEndpointIT extends PerClassEmulator {
  private static final String TOKEN = TENANT + "/oauth2/v2.0/token";

  private EmulatorHttp.Response secretGrant(String tenant, String clientId, String secret) throws IOException {
    return http.postForm(tenant + "/oauth2/v2.0/token", form("grant_type", "client_credentials", "client_id", clientId,
        "client_secret", secret, "scope", ARM_SCOPE));
  }

  private EmulatorHttp.Response assertionGrant(String assertion) throws IOException {
    return http.postForm(TOKEN, form("grant_type", "client_credentials", "client_id", CI_APP, "scope", ARM_SCOPE,
        "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion));
  }

  @Nested
  class ClientSecrets {
    @Test
    void aValidSecretGetsABearerTokenWithTheRealServicesClaims() throws IOException {
      EmulatorHttp.Response response = secretGrant(TENANT, BROKER_APP, BROKER_SECRET);
      assertThat(response.status()).isEqualTo(200);
      JsonNode body = response.json();
      assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
      assertThat(body.path("expires_in").asLong()).isEqualTo(3600);
      assertThat(body.path("ext_expires_in").asLong()).isEqualTo(3600);
      JsonNode claims = claims(body.path("access_token").asText());
      assertThat(claims.path("aud").asText()).isEqualTo("https://management.azure.com");
      assertThat(claims.path("tid").asText()).isEqualTo(TENANT);
      assertThat(claims.path("appid").asText()).isEqualTo(BROKER_APP);
      assertThat(claims.path("azp").asText()).isEqualTo(BROKER_APP);
      assertThat(claims.path("sub").asText()).isEqualTo(claims.path("oid").asText());
      assertThat(claims.path("ver").asText()).isEqualTo("1.0");
      assertThat(claims.path("uti").asText()).isNotBlank();
      assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
      assertThat(claims.path("roles").toString()).contains("RoleManagement.ReadWrite.Directory");
    }

    @Test
    void httpBasicClientAuthenticationIsAccepted() throws IOException {
      String basic = java.util.Base64.getEncoder().encodeToString(
          (BROKER_APP + ":" + BROKER_SECRET).getBytes(StandardCharsets.UTF_8));
      EmulatorHttp.Response response = http.postForm(TOKEN, form("grant_type", "client_credentials", "scope", ARM_SCOPE),
          "Authorization", "Basic " + basic);
      assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aWrongSecretIsAadsts7000215() throws IOException {
      assertAadError(secretGrant(TENANT, BROKER_APP, "wrong"), 401, "invalid_client", 7000215);
    }

    @Test
    void anUnknownApplicationIsAadsts700016() throws IOException {
      assertAadError(secretGrant(TENANT, "11111111-1111-4111-8111-111111111111", "x"), 400, "unauthorized_client", 700016);
    }

    @Test
    void anUnknownTenantIsAadsts90002() throws IOException {
      assertAadError(secretGrant("22222222-2222-4222-8222-222222222222", BROKER_APP, "x"), 400, "invalid_request", 90002);
    }

    @Test
    void aMissingScopeIsAadsts900144() throws IOException {
      assertAadError(http.postForm(TOKEN, form("grant_type", "client_credentials", "client_id", BROKER_APP,
          "client_secret", BROKER_SECRET)), 400, "invalid_request", 900144);
    }

    @Test
    void theTokenLifetimeFollowsTheHazards() throws IOException {
      emulator.hazards(emulator.hazards().withTokenLifetime(Duration.ofMinutes(5)));
      EmulatorHttp.Response response = secretGrant(TENANT, BROKER_APP, BROKER_SECRET);
      assertThat(response.json().path("expires_in").asLong()).isEqualTo(300);
      emulator.hazards(emulator.hazards().withTokenLifetime(Duration.ofMinutes(60)));
    }

    @Test
    void issuedTokensStopValidatingWhenTheyExpire() throws IOException {
      String token = secretGrant(TENANT, BROKER_APP, BROKER_SECRET).json().path("access_token").asText();
      assertThat(emulator.validateToken(token, "https://management.azure.com/")).isPresent();
      assertThat(emulator.validateToken(token, "https://graph.microsoft.com/")).isEmpty();
      emulator.clock().advance(Duration.ofMinutes(61));
      assertThat(emulator.validateToken(token, "https://management.azure.com/")).isEmpty();
    }
  }

  @Nested
  class FederatedAssertions {
    @Test
    void aMatchingGitHubAssertionIsExchangedForAnAppToken() throws IOException {
      EmulatorHttp.Response response = assertionGrant(emulator.github().idToken("api://AzureADTokenExchange"));
      assertThat(response.status()).isEqualTo(200);
      assertThat(claims(response.json().path("access_token").asText()).path("oid").asText())
          .isEqualTo(CI);
    }

    @Test
    void aSubjectWithoutAFederatedCredentialIsAadsts70021NamingIssuerSubjectAndAudience() throws IOException {
      emulator.github().update(c -> c.withEnvironment("staging"));
      EmulatorHttp.Response response = assertionGrant(emulator.github().idToken("api://AzureADTokenExchange"));
      assertAadError(response, 400, "invalid_client", 70021);
      assertThat(response.json().path("error_description").asText())
          .contains("No matching federated identity record found for presented assertion.")
          .contains("Assertion Issuer: 'https://token.actions.githubusercontent.com'.")
          .contains("Assertion Subject: 'repo:contoso/payments:environment:staging'.")
          .contains("Assertion Audience: 'api://AzureADTokenExchange'.");
    }

    @Test
    void aWrongAudienceIsAadsts70021() throws IOException {
      assertAadError(assertionGrant(emulator.github().idToken("https://github.com/contoso")), 400, "invalid_client", 70021);
    }

    @Test
    void anExpiredAssertionIsAadsts700024() throws IOException {
      String assertion = emulator.github().idToken("api://AzureADTokenExchange");
      emulator.clock().advance(Duration.ofMinutes(10));
      assertAadError(assertionGrant(assertion), 400, "invalid_client", 700024);
    }

    @Test
    void aForgedSignatureIsRefused() throws IOException {
      String assertion = emulator.github().idToken("api://AzureADTokenExchange");
      String forged = assertion.substring(0, assertion.lastIndexOf('.') + 1) + "AAAA";
      assertAadError(assertionGrant(forged), 400, "invalid_client", 700027);
    }

    @Test
    void theVectorsResponseShapeIsReproduced() throws IOException {
      JsonNode vector = VectorShape.vector("entra_token_client_assertion");
      JsonNode f = vector.at("/request/form");
      EmulatorHttp.Response response = http.postForm(TOKEN, form("scope", f.path("scope").asText(), "client_id", CI_APP,
          "client_assertion_type", f.path("client_assertion_type").asText(),
          "client_assertion", emulator.github().idToken("api://AzureADTokenExchange"),
          "grant_type", f.path("grant_type").asText()));
      assertThat(response.status()).isEqualTo(vector.at("/response/status").asInt());
      assertThat(response.header("Content-Type")).startsWith("application/json");
      VectorShape.assertSameShape(vector.at("/response/body"), response.json());
    }
  }
}
