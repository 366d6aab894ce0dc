package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubOidcTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String RUNNER_URL = "https://pipelines.actions.githubusercontent.com/oidc?api-version=2.0";

  @TempDir Path workspace;

  private ActionEnvironment env(Map<String, String> extra) {
    Map<String, String> vars = new HashMap<>(Map.of("GITHUB_WORKSPACE", workspace.toString(),
        "ACTIONS_ID_TOKEN_REQUEST_URL", RUNNER_URL, "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "runner-request-token"));
    vars.putAll(extra);
    return new ActionEnvironment(vars);
  }

  private CloudSettings profile(boolean withGithub) throws IOException {
    String github = withGithub ? ", \"github\": {\"oidcRequestUrl\": \"https://10.0.0.9:8443/oidc\", \"oidcRequestToken\": \"emu\"}" : "";
    Files.writeString(workspace.resolve("profile.json"), "{ \"name\": \"pr-edited\", \"authorityHost\": \"https://evil.example/\","
        + " \"tenantId\": \"00000000-0000-4000-8000-000000000000\","
        + " \"resourceManager\": { \"endpoint\": \"https://evil.example/\", \"audience\": \"https://management.azure.com/\" },"
        + " \"graph\": { \"endpoint\": \"https://evil.example/\", \"audience\": \"https://graph.microsoft.com/\" },"
        + " \"keyVault\": { \"audience\": \"https://vault.azure.net\", \"vaultUrlTemplate\": \"https://evil.example/kv/{vault}/\" }"
        + github + " }");
    return CloudSettings.parse(env(Map.of("INPUT_CLOUD-PROFILE", "profile.json")));
  }

  private static GitHubEvent event(String name, String json) throws IOException {
    return GitHubEvent.parse(name, MAPPER.readTree(json), new ActionEnvironment(Map.of("GITHUB_REPOSITORY", "o/r")));
  }

  @Nested
  class WhereTheTokenComesFromAndGoesTo {
    @Test
    void aNamedCloudGetsTheRunnersToken() throws IOException {
      CloudSettings cloud = CloudSettings.parse(env(Map.of("INPUT_ENVIRONMENT", "azurechinacloud")));
      assertThat(GitHubOidc.endpoint(env(Map.of()), cloud, event("push", Fixtures.event("push"))).url()).isEqualTo(RUNNER_URL);
    }

    @Test
    void aWorkspaceProfileWithoutAGithubSectionDoesNotGetTheRunnersToken() throws IOException {
      CloudSettings cloud = profile(false);
      assertThatThrownBy(() -> GitHubOidc.endpoint(env(Map.of()), cloud, event("push", Fixtures.event("push"))))
          .isInstanceOf(ActionFailure.class).hasMessageContaining("https://evil.example:443")
          .hasMessageContaining("trusted-authority-host");
    }

    @Test
    void aProfileTheWorkflowTrustsGetsTheRunnersToken() throws IOException {
      CloudSettings cloud = profile(false);
      ActionEnvironment trusting = env(Map.of("INPUT_TRUSTED-AUTHORITY-HOST", "https://EVIL.example"));
      assertThat(GitHubOidc.endpoint(trusting, cloud, event("push", Fixtures.event("push"))).url()).isEqualTo(RUNNER_URL);
    }

    @Test
    void trustingAnotherAuthorityDoesNotTrustThisOne() throws IOException {
      CloudSettings cloud = profile(false);
      ActionEnvironment trusting = env(Map.of("INPUT_TRUSTED-AUTHORITY-HOST", "https://login.example/"));
      assertThatThrownBy(() -> GitHubOidc.endpoint(trusting, cloud, event("push", Fixtures.event("push"))))
          .isInstanceOf(ActionFailure.class).hasMessageContaining("(it says https://login.example/)");
    }

    @Test
    void aProfileWithItsOwnIssuerIsUsedEvenForAForkBecauseTheRunnersTokenIsNotNeeded() throws IOException {
      CloudSettings cloud = profile(true);
      assertThat(GitHubOidc.endpoint(env(Map.of()), cloud, event("pull_request", Fixtures.forkPullRequest())).url())
          .isEqualTo("https://10.0.0.9:8443/oidc");
    }

    @Test
    void aForkIsRefusedWhenTheRunnersTokenWouldBeNeeded() throws IOException {
      CloudSettings cloud = CloudSettings.parse(env(Map.of()));
      assertThatThrownBy(() -> GitHubOidc.endpoint(env(Map.of()), cloud, event("pull_request", Fixtures.forkPullRequest())))
          .isInstanceOf(ActionFailure.class).hasMessageContaining("fork");
    }
  }

  @Nested
  class Fetching {
    final List<String> queries = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final List<Duration> slept = new ArrayList<>();
    HttpServer server;

    private GitHubOidc oidc(String audience, int failures) throws IOException {
      failuresLeft.set(failures);
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        queries.add(exchange.getRequestURI().getRawQuery());
        boolean fail = failuresLeft.getAndDecrement() > 0;
        byte[] body = (fail ? "{\"message\":\"busy\"}" : "{\"value\":\"aaa.eyJzdWIiOiJyZXBvOm8vcjpyZWY6bWFpbiJ9.sig\"}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/oidc?api-version=2.0";
      WorkflowLog log = new WorkflowLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      return new GitHubOidc(new CloudSettings.OidcEndpoint(url, "t"), audience, new OkHttpClient(), log, slept::add);
    }

    @AfterEach
    void stop() {
      if (server != null) {
        server.stop(0);
      }
    }

    @Test
    void asksForTheConfiguredAudience() throws IOException {
      oidc("api://contoso-exchange", 0).idToken();
      assertThat(queries).singleElement().asString().isEqualTo("api-version=2.0&audience=api%3A%2F%2Fcontoso-exchange");
    }

    @Test
    void retriesA503UpToTenTimesLikeTheToolkit() throws IOException {
      assertThat(oidc(GitHubOidc.AUDIENCE, 10).idToken()).startsWith("aaa.");
      assertThat(queries).hasSize(11);
      assertThat(slept).hasSize(10).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(5120)));
    }

    @Test
    void anEndpointThatDropsTheConnectionIsSaidInWordsNotAsAClassName() throws IOException {
      HttpServer dropping = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      dropping.createContext("/", exchange -> exchange.close());  // no status line: the client sees the stream end
      dropping.start();
      try {
        WorkflowLog log = new WorkflowLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        GitHubOidc oidc = new GitHubOidc(new CloudSettings.OidcEndpoint("http://127.0.0.1:"
            + dropping.getAddress().getPort() + "/oidc", "t"), GitHubOidc.AUDIENCE, new OkHttpClient(), log, slept::add);

        assertThatThrownBy(oidc::idToken).isInstanceOf(ActionFailure.class)
            .hasMessageContaining("(the connection failed)").hasMessageContaining("HTTPS_PROXY")
            .hasMessageNotContaining("Exception");
      } finally {
        dropping.stop(0);
      }
    }

    @Test
    void aCallerDuringAPrefetchGetsItsTokenWithoutAskingAgain() throws IOException {
      GitHubOidc oidc = oidc(GitHubOidc.AUDIENCE, 0);
      oidc.prefetch();
      assertThat(oidc.idToken()).startsWith("aaa.");
      assertThat(queries).hasSize(1);
    }

    @Test
    void aPrefetchThatFailedIsEveryCallersFailureAndIsNotAskedAgain() throws IOException {
      GitHubOidc oidc = oidc(GitHubOidc.AUDIENCE, 11);
      oidc.prefetch();
      assertThatThrownBy(oidc::idToken).isInstanceOf(ActionFailure.class).hasMessageContaining("HTTP 503");
      assertThatThrownBy(oidc::idToken).isInstanceOf(ActionFailure.class).hasMessageContaining("HTTP 503");
      assertThat(queries).hasSize(11);
    }

    @Test
    void givesUpAfterTheTenthRetryWithTheStatus() throws IOException {
      GitHubOidc oidc = oidc(GitHubOidc.AUDIENCE, 11);
      assertThatThrownBy(oidc::idToken).isInstanceOf(ActionFailure.class).hasMessageContaining("HTTP 503");
      assertThat(queries).hasSize(11);
    }
  }
}
