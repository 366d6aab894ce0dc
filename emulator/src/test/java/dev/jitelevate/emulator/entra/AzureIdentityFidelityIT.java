package dev.jitelevate.emulator.entra;

import static dev.jitelevate.emulator.testing.DemoTenant.ALICE;
import static dev.jitelevate.emulator.testing.DemoTenant.ALICE_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.ARM_SCOPE;
import static dev.jitelevate.emulator.testing.DemoTenant.BROKER;
import static dev.jitelevate.emulator.testing.DemoTenant.BROKER_APP;
import static dev.jitelevate.emulator.testing.DemoTenant.CI;
import static dev.jitelevate.emulator.testing.DemoTenant.CI_APP;
import static dev.jitelevate.emulator.testing.DemoTenant.GRAPH_SCOPE;
import static dev.jitelevate.emulator.testing.DemoTenant.TENANT;
import static dev.jitelevate.emulator.testing.DemoTenant.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.testing.DemoTenant;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The official azure-identity credentials, unmodified but for authority host and TLS trust, against the emulator. */
class AzureIdentityFidelityIT extends PerClassEmulator {
  private static final TokenRequestContext ARM = new TokenRequestContext().addScopes(ARM_SCOPE);

  private DemoTenant tenant;

  @BeforeAll
  void start() {
    tenant = new DemoTenant(emulator);
  }

  private AccessToken token(TokenCredential credential, TokenRequestContext request) {
    AccessToken token = credential.getTokenSync(request);
    assertThat(token.getExpiresAt()).isAfter(java.time.OffsetDateTime.now().plusMinutes(30));
    return token;
  }

  private Caller validated(AccessToken token, String audience) {
    return emulator.validateToken(token.getToken(), audience).orElseThrow();
  }

  @Nested
  class ClientSecret {
    @Test
    void theBrokerGetsAnAppOnlyArmTokenWithItsSecret() {
      AccessToken token = token(tenant.broker(), ARM);
      JsonNode claims = claims(token.getToken());
      assertThat(claims.path("oid").asText()).isEqualTo(BROKER);
      assertThat(claims.path("idtyp").asText()).isEqualTo("app");
      assertThat(claims.path("iss").asText()).isEqualTo("https://sts.windows.net/" + TENANT + "/");
      assertThat(validated(token, "https://management.azure.com/").isApp()).isTrue();
    }

    @Test
    void aWrongSecretFailsWithAadsts7000215() {
      var credential = tenant.clientSecret(BROKER_APP, "nope").build();
      assertThatThrownBy(() -> credential.getTokenSync(ARM)).hasMessageContaining("AADSTS7000215");
    }
  }

  @Nested
  class ClientAssertion {
    @Test
    void theCiIdentityExchangesAGitHubOidcTokenForAnArmToken() {
      var credential = tenant.clientAssertion(CI_APP).clientAssertion(() -> githubIdToken("api://AzureADTokenExchange"))
          .build();
      AccessToken token = token(credential, ARM);
      assertThat(claims(token.getToken()).path("oid").asText()).isEqualTo(CI);
      assertThat(claims(token.getToken()).path("appidacr").asText()).isEqualTo("2");
    }

    @Test
    void aJobWhoseSubjectHasNoFederatedCredentialIsRefusedWithAadsts70021() {
      emulator.github().update(c -> c.withRef("refs/heads/feature"));
      var credential = tenant.clientAssertion(CI_APP).clientAssertion(() -> githubIdToken("api://AzureADTokenExchange"))
          .build();
      assertThatThrownBy(() -> credential.getTokenSync(ARM)).hasMessageContaining("AADSTS70021")
          .hasMessageContaining("repo:contoso/payments:ref:refs/heads/feature");
    }
  }

  @Nested
  class UsernamePassword {
    @Test
    void aliceSignsInWithHerPasswordAndGetsADelegatedTokenWithMfa() {
      var credential = tenant.alice();
      AccessToken token = token(credential, new TokenRequestContext().addScopes(GRAPH_SCOPE));
      Caller caller = validated(token, "https://graph.microsoft.com/");
      assertThat(caller.objectId()).isEqualTo(ALICE);
      assertThat(caller.isApp()).isFalse();
      assertThat(caller.hasMfa()).isTrue();
      assertThat(caller.scopes()).contains("RoleAssignmentSchedule.ReadWrite.Directory", "User.Read");
    }

    @Test
    void aWrongPasswordFailsWithAadsts50126() {
      var credential = tenant.user(ALICE_UPN, "wrong").build();
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
