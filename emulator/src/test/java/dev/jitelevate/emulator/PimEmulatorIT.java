package dev.jitelevate.emulator;

import static dev.jitelevate.emulator.testing.DemoTenant.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.server.FaultRule;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PimEmulatorIT extends PerClassEmulator {
  @Override
  protected PimEmulator.Builder emulatorBuilder() {
    return PimEmulator.builder().port(0).scenario(Scenario.demo());
  }

  @Nested
  class Tls {
    @Test
    void servesHttpsOnLoopbackTrustedThroughTheEmulatorsCa() throws IOException {
      assertThat(emulator.baseUrl()).matches("https://127\\.0\\.0\\.1:\\d+/");
      assertThat(http.get("/_emulator/assignments").status()).isEqualTo(200);
      assertThat(emulator.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefused() {
      HttpClient untrusting = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "_emulator/assignments")).build();
      assertThatThrownBy(() -> untrusting.send(request, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Nested
  class Engine {
    @Test
    void wireMocksOwnAdminApiIsLockedSoTheEmulatorCannotBeBrokenThroughIt() throws IOException {
      assertThat(http.delete("/__admin/mappings").status()).isEqualTo(401);
      assertThat(http.get("/_emulator/assignments").status()).isEqualTo(200);
    }

    @Test
    void servesConcurrentSlowRequestsInParallel() throws Exception {
      emulator.injectFault(FaultRule.latency("GET", "jwks$", Duration.ofMillis(500), 8));
      var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        long started = System.nanoTime();
        var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < 8; i++) {
          futures.add(pool.submit(() -> http.get("/_github/.well-known/jwks").status()));
        }
        for (var f : futures) {
          assertThat(f.get()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  class Lifecycle {
    @Test
    void startsWithNoActiveAssignmentsAndNoLeaks() {
      assertThat(emulator.leaks()).isEmpty();
      assertThat(emulator.tenantId()).isEqualTo(TENANT);
    }

    @Test
    void theProfilePointsEveryServiceAtTheEmulator(@TempDir Path dir) throws IOException {
      Path file = emulator.writeProfile(dir.resolve("p.json"));
      JsonNode profile = Json.parse(Files.readAllBytes(file));
      String base = emulator.baseUrl();
      assertThat(profile.path("name").asText()).isEqualTo("jit-emulator");
      assertThat(profile.path("authorityHost").asText()).isEqualTo(base);
      assertThat(profile.path("tenantId").asText()).isEqualTo(emulator.tenantId());
      assertThat(profile.at("/resourceManager/endpoint").asText()).isEqualTo(emulator.armBaseUrl());
      assertThat(profile.at("/resourceManager/audience").asText()).isEqualTo("https://management.azure.com/");
      assertThat(profile.at("/graph/endpoint").asText()).isEqualTo(emulator.graphBaseUrl());
      assertThat(profile.at("/graph/audience").asText()).isEqualTo("https://graph.microsoft.com/");
      assertThat(profile.at("/keyVault/audience").asText()).isEqualTo("https://vault.azure.net");
      assertThat(profile.at("/keyVault/dnsSuffix").asText()).isEqualTo("vault.azure.net");
      assertThat(profile.at("/keyVault/vaultUrlTemplate").asText()).isEqualTo(base + "kv/{vault}/");
      assertThat(profile.at("/github/oidcRequestUrl").asText()).isEqualTo(base + "_github/oidc/token?api-version=2.0");
      assertThat(profile.at("/github/oidcRequestToken").asText()).isEqualTo("demo-oidc-request-token-5b7d");
      assertThat(profile.at("/github/artifactResultsUrl").asText()).isEqualTo(base);
      assertThat(profile.path("caCertificatePem").asText()).isEqualTo(emulator.caCertificatePem());
    }
  }

  @Nested
  class HazardsOverTheWire {
    @Test
    void anInjectedResetClosesTheConnectionWithoutAResponse() {
      // java.net.http retries an idempotent GET once after a reset, so arm more than one

      emulator.injectFault(FaultRule.reset("GET", "^/_github/\\.well-known/jwks$", 5));
      assertThatThrownBy(() -> http.get("/_github/.well-known/jwks")).isInstanceOf(IOException.class);
      assertThat(emulator.journal()).anySatisfy(e -> assertThat(e.status()).isZero());
    }

    @Test
    void addedLatencyDelaysTheAnswer() throws IOException {
      emulator.injectFault(FaultRule.latency("GET", "jwks$", Duration.ofMillis(300), 1));
      long started = System.nanoTime();
      assertThat(http.get("/_github/.well-known/jwks").status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void throttlingAnswers429WithRetryAfterInTheOwningServicesEnvelope() throws IOException {
      emulator.hazards(emulator.hazards().withThrottleRps(1));
      try {
        String keys = "kv/kv-jit-demo/secrets?api-version=7.5";
        EmulatorHttp.Response last = http.get(keys);
        for (int i = 0; i < 5 && last.status() != 429; i++) {
          last = http.get(keys);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(Integer.parseInt(last.header("Retry-After"))).isGreaterThanOrEqualTo(1);
        assertThat(last.json().at("/error/code").asText()).isEqualTo("TooManyRequests");
        assertThat(http.get(emulator.tenantId() + "/discovery/v2.0/keys").status())
            .as("token issuance is not randomly throttled").isEqualTo(200);
        assertThat(http.get("/_emulator/journal").status()).as("the admin API is never throttled").isEqualTo(200);
      } finally {
        emulator.hazards(emulator.hazards().withThrottleRps(0));
      }
    }

    @Test
    void unknownPathsAnswer404Json() throws IOException {
      EmulatorHttp.Response response = http.get("/no/such/thing");
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.json().at("/error/code").asText()).isEqualTo("NotFound");
      assertThat(response.header("x-ms-request-id")).isNotBlank();
      assertThat(new String(response.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).doesNotContain("<html");
    }
  }
}
