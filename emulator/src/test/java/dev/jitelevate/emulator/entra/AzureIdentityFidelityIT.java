package dev.jitelevate.emulator.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The official azure-identity credentials, unmodified but for authority host and TLS trust, against the emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureIdentityFidelityIT {
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String BROKER_APP = "b0b0b0b0-0000-4000-8000-0000000000a1";
  static final String CI_APP = "c1c1c1c1-0000-4000-8000-0000000000a1";
  static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
  private static final TokenRequestContext ARM = new TokenRequestContext().addScopes("https://management.azure.com/.default");

  private PimEmulator emulator;
  private EmulatorHttp http;
  private HttpClient httpClient;

  @BeforeAll
  void start() {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).start();
    http = new EmulatorHttp(emulator);
    OkHttpClient okHttp = new OkHttpClient.Builder()
        .sslSocketFactory(emulator.sslContext().getSocketFactory(), emulator.trustManager()).build();
    httpClient = new OkHttpAsyncHttpClientBuilder(okHttp).build();
  }

  @AfterAll
  void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.reset();
  }

  private AccessToken token(TokenCredential credential, TokenRequestContext request) {
    AccessToken token = credential.getTokenSync(request);
    assertThat(token.getExpiresAt()).isAfter(java.time.OffsetDateTime.now().plusMinutes(30));
    return token;
  }

  private Caller validated(AccessToken token, String audience) {
    return emulator.validateToken(token.getToken(), audience).orElseThrow();
  }

  static JsonNode claims(String jwt) {
    return Json.parse(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  @Nested
  class ClientSecret {
    @Test
    void theBrokerGetsAnAppOnlyArmTokenWithItsSecret() {
      AccessToken token = token(new ClientSecretCredentialBuilder().tenantId(TENANT).clientId(BROKER_APP)
          .clientSecret("demo-broker-secret-7f3e9c21").authorityHost(emulator.baseUrl()).disableInstanceDiscovery()
          .httpClient(httpClient).build(), ARM);
      JsonNode claims = claims(token.getToken());
      assertThat(claims.path("oid").asText()).isEqualTo("b0b0b0b0-0000-4000-8000-000000000001");
      assertThat(claims.path("idtyp").asText()).isEqualTo("app");
      assertThat(claims.path("iss").asText()).isEqualTo("https://sts.windows.net/" + TENANT + "/");
      assertThat(validated(token, "https://management.azure.com/").isApp()).isTrue();
    }

    @Test
    void aWrongSecretFailsWithAadsts7000215() {
      var credential = new ClientSecretCredentialBuilder().tenantId(TENANT).clientId(BROKER_APP).clientSecret("nope")
          .authorityHost(emulator.baseUrl()).disableInstanceDiscovery().httpClient(httpClient).build();
      assertThatThrownBy(() -> credential.getTokenSync(ARM)).hasMessageContaining("AADSTS7000215");
    }
  }

  @Nested
  class ClientAssertion {
    @Test
    void theCiIdentityExchangesAGitHubOidcTokenForAnArmToken() {
      var credential = new ClientAssertionCredentialBuilder().tenantId(TENANT).clientId(CI_APP)
          .clientAssertion(() -> githubIdToken("api://AzureADTokenExchange"))
          .authorityHost(emulator.baseUrl()).disableInstanceDiscovery().httpClient(httpClient).build();
      AccessToken token = token(credential, ARM);
      assertThat(claims(token.getToken()).path("oid").asText()).isEqualTo("c1c1c1c1-0000-4000-8000-000000000001");
      assertThat(claims(token.getToken()).path("appidacr").asText()).isEqualTo("2");
    }

    @Test
    void aJobWhoseSubjectHasNoFederatedCredentialIsRefusedWithAadsts70021() {
      emulator.github().update(c -> c.withRef("refs/heads/feature"));
      var credential = new ClientAssertionCredentialBuilder().tenantId(TENANT).clientId(CI_APP)
          .clientAssertion(() -> githubIdToken("api://AzureADTokenExchange"))
          .authorityHost(emulator.baseUrl()).disableInstanceDiscovery().httpClient(httpClient).build();
      assertThatThrownBy(() -> credential.getTokenSync(ARM)).hasMessageContaining("AADSTS70021")
          .hasMessageContaining("repo:contoso/payments:ref:refs/heads/feature");
    }
  }

  @Nested
  class UsernamePassword {
    @Test
    void aliceSignsInWithHerPasswordAndGetsADelegatedTokenWithMfa() {
      @SuppressWarnings("deprecation")
      var credential = new UsernamePasswordCredentialBuilder().tenantId(TENANT).clientId(AZURE_CLI)
          .username("alice@contoso-emu.onmicrosoft.com").password("demo-alice-pw-4d2a")
          .authorityHost(emulator.baseUrl()).disableInstanceDiscovery().httpClient(httpClient).build();
      AccessToken token = token(credential, new TokenRequestContext().addScopes("https://graph.microsoft.com/.default"));
      Caller caller = validated(token, "https://graph.microsoft.com/");
      assertThat(caller.objectId()).isEqualTo("a11ce000-0000-4000-8000-000000000001");
      assertThat(caller.isApp()).isFalse();
      assertThat(caller.hasMfa()).isTrue();
      assertThat(caller.scopes()).contains("RoleAssignmentSchedule.ReadWrite.Directory", "User.Read");
    }

    @Test
    void aWrongPasswordFailsWithAadsts50126() {
      @SuppressWarnings("deprecation")
      var credential = new UsernamePasswordCredentialBuilder().tenantId(TENANT).clientId(AZURE_CLI)
          .username("alice@contoso-emu.onmicrosoft.com").password("wrong")
          .authorityHost(emulator.baseUrl()).disableInstanceDiscovery().httpClient(httpClient).build();
      assertThatThrownBy(() -> credential.getTokenSync(ARM)).rootCause().hasMessageContaining("AADSTS50126");
    }
  }

  private String githubIdToken(String audience) {
    try {
      String url = emulator.github().oidcRequestUrl().substring(emulator.baseUrl().length())
          + "&audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8);
      EmulatorHttp.Response response = http.get(url, "Authorization", "Bearer " + emulator.github().oidcRequestToken());
      assertThat(response.status()).isEqualTo(200);
      return response.json().path("value").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
