package dev.jitelevate.emulator.logs;

import static dev.jitelevate.emulator.logs.LogsScenario.RULE_ID;
import static dev.jitelevate.emulator.logs.LogsScenario.STREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.monitor.ingestion.LogsIngestionClient;
import com.azure.monitor.ingestion.LogsIngestionClientBuilder;
import com.azure.monitor.ingestion.models.LogsUploadException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.server.FaultRule;
import dev.jitelevate.emulator.testing.DemoTenant;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unmodified {@code LogsIngestionClient} against the emulator's Logs Ingestion API: only the endpoint and
 * the TLS trust differ from production. The broker publishes with Monitoring Metrics Publisher on the rule.
 */
class LogsIngestionSdkFidelityIT extends PerClassEmulator {
  private DemoTenant tenant;

  @Override
  protected PimEmulator.Builder emulatorBuilder() {
    return PimEmulator.builder().scenario(LogsScenario.demoWithRule(true));
  }

  @BeforeAll
  void start() {
    tenant = new DemoTenant(emulator);
  }

  @BeforeEach
  void reset() {
    emulator.loadScenario(LogsScenario.demoWithRule(true));
    emulator.reset();
  }

  private LogsIngestionClient client() {
    return new LogsIngestionClientBuilder().endpoint(emulator.logsIngestionEndpoint()).credential(tenant.broker())
        .httpClient(tenant.http()).buildClient();
  }

  @Test
  void keepsTheRowsTheSdkUploadsGzippedForTestsToReadBack() {
    client().upload(RULE_ID, STREAM, List.of(LogsScenario.row("a", 1), LogsScenario.row("b", 2)));

    List<JsonNode> rows = emulator.ingestedLogs().rows(RULE_ID, STREAM);
    assertThat(rows).extracting(r -> r.path("Name").asText()).containsExactly("a", "b");
    assertThat(emulator.journal()).anyMatch(e -> e.path().contains("/streams/" + STREAM) && e.status() == 204);
  }

  @Test
  void splitsTwoMegabytesIntoRequestsUnderTheOneMegabyteLimit() {
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      many.add(LogsScenario.row(java.util.UUID.randomUUID().toString().repeat(15) + i, i));
    }
    List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    client().upload(RULE_ID, STREAM, many, new com.azure.monitor.ingestion.models.LogsUploadOptions()
        .setLogsUploadErrorConsumer(e -> errors.add(e.getResponseException().getMessage())), com.azure.core.util.Context.NONE);

    assertThat(errors).isEmpty();
    assertThat(emulator.ingestedLogs().rows(RULE_ID, STREAM)).hasSize(4000);
    assertThat(emulator.journal().stream().filter(e -> e.path().contains("/streams/")).count()).isGreaterThan(1);
  }

  @Test
  void refusesABrokerWithoutMonitoringMetricsPublisherWith403() {
    emulator.loadScenario(LogsScenario.demoWithRule(false));

    assertThatThrownBy(() -> client().upload(RULE_ID, STREAM, List.of(LogsScenario.row("a", 1))))
        .isInstanceOf(LogsUploadException.class)
        .satisfies(e -> assertThat(((LogsUploadException) e).getLogsUploadErrors().get(0).getResponse().getStatusCode())
            .isEqualTo(403));
    assertThat(emulator.ingestedLogs().rows(RULE_ID, STREAM)).isEmpty();
  }

  @Test
  void refusesAnUnknownRuleAndAnUndeclaredStreamWith404() {
    assertThat(statusOf(() -> client().upload("dcr-ffffffffffffffffffffffffffffffff", STREAM,
        List.of(LogsScenario.row("a", 1))))).isEqualTo(404);
    assertThat(statusOf(() -> client().upload(RULE_ID, "Custom-Other", List.of(LogsScenario.row("a", 1)))))
        .isEqualTo(404);
  }

  @Test
  void refusesRowsWithUndeclaredColumnsOrWrongTypesAndKeepsNoneOfTheBatch() {
    assertThat(statusOf(() -> client().upload(RULE_ID, STREAM,
        List.of(LogsScenario.row("ok", 1), LogsScenario.row("bad", 2).put("Surprise", "x"))))).isEqualTo(400);
    assertThat(statusOf(() -> client().upload(RULE_ID, STREAM,
        List.of(LogsScenario.row("bad", 1).put("Count", "one"))))).isEqualTo(400);
    assertThat(emulator.ingestedLogs().rows(RULE_ID, STREAM)).isEmpty();
  }

  @Test
  void theSdkRetriesAfterA429WithRetryAfterAndTheRowsArrive() {
    emulator.injectFault(FaultRule.throttle("POST", "/ingest/dataCollectionRules/.*", 1, 1));

    client().upload(RULE_ID, STREAM, List.of(LogsScenario.row("late", 1)));

    assertThat(emulator.ingestedLogs().rows(RULE_ID, STREAM)).hasSize(1);
    assertThat(emulator.journal()).anyMatch(e -> e.path().contains("/streams/") && e.status() == 429);
  }

  @Test
  void answers413ToABodyOverOneMegabyteAnd401WithoutAToken() throws IOException {
    String url = emulator.logsIngestionEndpoint() + "/dataCollectionRules/" + RULE_ID + "/streams/" + STREAM
        + "?api-version=2023-01-01";
    String token = tenant.broker().getTokenSync(new com.azure.core.credential.TokenRequestContext()
        .addScopes("https://monitor.azure.com//.default")).getToken();
    String big = "[" + "{\"Name\":\"" + "y".repeat(1024 * 1024) + "\"}]";
    Request tooLarge = new Request.Builder().url(url).header("Authorization", "Bearer " + token)
        .post(RequestBody.create(big, MediaType.get("application/json"))).build();
    try (Response response = tenant.okHttp().newCall(tooLarge).execute()) {
      assertThat(response.code()).isEqualTo(413);
      assertThat(response.body().string()).contains("ContentLengthLimitExceeded");
    }
    Request anonymous = new Request.Builder().url(url).post(RequestBody.create("[]", MediaType.get("application/json")))
        .build();
    try (Response response = tenant.okHttp().newCall(anonymous).execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
  }

  private static int statusOf(Runnable upload) {
    try {
      upload.run();
      return 204;
    } catch (LogsUploadException e) {
      return e.getLogsUploadErrors().get(0).getResponse().getStatusCode();
    }
  }
}
