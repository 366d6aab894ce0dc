package dev.jitelevate.emulator.entra;

import static dev.jitelevate.emulator.testing.DemoTenant.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import dev.jitelevate.emulator.testing.VectorShape;
import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GitHubOidcIT extends PerClassEmulator {
  private EmulatorHttp.Response request(String audienceQuery, String token) throws IOException {
    String url = emulator.github().oidcRequestUrl().substring(emulator.baseUrl().length()) + audienceQuery;
    return token == null ? http.get(url) : http.get(url, "Authorization", "Bearer " + token, "Accept", "application/json",
        "User-Agent", "actions/oidc-client");
  }

  private JsonNode idTokenClaims() throws IOException {
    EmulatorHttp.Response response = request("&audience=api%3A%2F%2FAzureADTokenExchange", emulator.github().oidcRequestToken());
    assertThat(response.status()).isEqualTo(200);
    return claims(response.json().path("value").asText());
  }

  @Nested
  class Subjects {
    @Test
    void aPushToABranchHasARefSubject() throws IOException {
      JsonNode claims = idTokenClaims();
      assertThat(claims.path("sub").asText()).isEqualTo("repo:contoso/payments:ref:refs/heads/main");
      assertThat(claims.path("iss").asText()).isEqualTo("https://token.actions.githubusercontent.com");
      assertThat(claims.path("aud").asText()).isEqualTo("api://AzureADTokenExchange");
      assertThat(claims.path("repository").asText()).isEqualTo("contoso/payments");
      assertThat(claims.path("repository_owner").asText()).isEqualTo("contoso");
      assertThat(claims.path("event_name").asText()).isEqualTo("push");
      assertThat(claims.path("job_workflow_ref").asText()).isEqualTo("contoso/payments/.github/workflows/deploy.yml@refs/heads/main");
      assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
      assertThat(claims.path("jti").asText()).isNotBlank();
    }

    @Test
    void aJobInAnEnvironmentHasAnEnvironmentSubject() throws IOException {
      emulator.github().update(c -> c.withEnvironment("production"));
      JsonNode claims = idTokenClaims();
      assertThat(claims.path("sub").asText()).isEqualTo("repo:contoso/payments:environment:production");
      assertThat(claims.path("environment").asText()).isEqualTo("production");
    }

    @Test
    void aPullRequestHasThePullRequestSubject() throws IOException {
      emulator.github().update(c -> c.withPullRequest(7, "feature/x", "main", false));
      JsonNode claims = idTokenClaims();
      assertThat(claims.path("sub").asText()).isEqualTo("repo:contoso/payments:pull_request");
      assertThat(claims.path("head_ref").asText()).isEqualTo("feature/x");
      assertThat(claims.path("base_ref").asText()).isEqualTo("main");
      assertThat(claims.path("ref").asText()).isEqualTo("refs/pull/7/merge");
    }

    @Test
    void withoutAnAudienceTheDefaultIsTheOwnersGitHubUrl() throws IOException {
      EmulatorHttp.Response response = request("", emulator.github().oidcRequestToken());
      assertThat(claims(response.json().path("value").asText()).path("aud").asText()).isEqualTo("https://github.com/contoso");
    }
  }

  @Nested
  class RequestToken {
    @Test
    void aWrongRequestTokenIs401Json() throws IOException {
      EmulatorHttp.Response response = request("&audience=x", "not-the-token");
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.json().path("message").asText()).contains("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
    }

    @Test
    void aMissingRequestTokenIs401() throws IOException {
      assertThat(request("&audience=x", null).status()).isEqualTo(401);
    }

    @Test
    void pullRequestsFromForksGetNoIdToken() throws IOException {
      emulator.github().update(c -> c.withPullRequest(8, "evil", "main", true));
      assertThat(request("&audience=x", emulator.github().oidcRequestToken()).status()).isEqualTo(403);
    }

    @Test
    void theRunnerVectorsRequestAndResponseShapeAreReproduced() throws IOException {
      JsonNode vector = VectorShape.vector("gha_oidc_id_token_request");
      String url = vector.at("/request/url").asText().replace("{ACTIONS_ID_TOKEN_REQUEST_URL}",
          emulator.github().oidcRequestUrl().substring(emulator.baseUrl().length()));
      EmulatorHttp.Response response = http.get(url, "Authorization", "Bearer " + emulator.github().oidcRequestToken(),
          "Accept", vector.at("/request/headers/Accept").asText(), "User-Agent", vector.at("/request/headers/User-Agent").asText());
      assertThat(response.status()).isEqualTo(vector.at("/response/status").asInt());
      assertThat(response.header("Content-Type")).startsWith("application/json");
      VectorShape.assertSameShape(vector.at("/response/body"), response.json());
      assertThat(claims(response.json().path("value").asText()).path("aud").asText()).isEqualTo("api://AzureADTokenExchange");
    }
  }

  @Nested
  class Discovery {
    @Test
    void theIssuerPublishesItsConfigurationAndKeys() throws IOException {
      assertThat(http.get("_github/.well-known/openid-configuration").json().path("issuer").asText())
          .isEqualTo("https://token.actions.githubusercontent.com");
      assertThat(http.get("_github/.well-known/jwks").json().at("/keys/0/alg").asText()).isEqualTo("RS256");
    }
  }
}
