package dev.jitelevate.audit.ship;

import static dev.jitelevate.audit.ship.ShipFixture.RULE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.audit.Records;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.emulator.PimEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Records shipped with the official client to the emulator's Logs Ingestion API and read back from it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShipperIT {
  private static final String STREAM = ShipTarget.DEFAULT_STREAM;
  private PimEmulator emulator;
  private HttpClient http;
  private TokenCredential broker;

  @TempDir
  Path dir;

  @BeforeAll
  void start() {
    emulator = PimEmulator.builder().scenario(ShipFixture.demoWithRule(true)).start();
    OkHttpClient okhttp = new OkHttpClient.Builder()
        .sslSocketFactory(emulator.sslContext().getSocketFactory(), emulator.trustManager()).build();
    http = new OkHttpAsyncHttpClientBuilder(okhttp).build();
    broker = new ClientSecretCredentialBuilder().tenantId(emulator.tenantId())
        .clientId("b0b0b0b0-0000-4000-8000-0000000000a1").clientSecret("demo-broker-secret-7f3e9c21")
        .authorityHost(emulator.baseUrl()).disableInstanceDiscovery().httpClient(http).build();
  }

  @AfterAll
  void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.loadScenario(ShipFixture.demoWithRule(true));
    emulator.reset();
  }

  private Shipper shipper() {
    return Shipper.create(ShipTarget.of(emulator.logsIngestionEndpoint(), RULE_ID, STREAM), broker, http);
  }

  private List<Path> write(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      Files.writeString(dir.resolve(String.format("record-%04d.json", i)),
          ActivationRecords.toJson(GeneratedRecords.number(i)));
    }
    return List.of(dir);
  }

  @Test
  void shipsAThousandGeneratedRecordsAndReadsEveryOneBack() throws IOException {
    ShipResult result = shipper().ship(Records.read(write(1000)));

    assertThat(result.complete()).isTrue();
    assertThat(result.shipped()).hasSize(1000);
    List<JsonNode> rows = emulator.ingestedLogs().rows(RULE_ID, STREAM);
    assertThat(rows).hasSize(1000);
    Map<String, JsonNode> byId = rows.stream().collect(Collectors.toMap(r -> r.path("RecordId").asText(), r -> r));
    for (int i = 0; i < 1000; i += 97) {
      ActivationRecord sent = GeneratedRecords.number(i);
      JsonNode row = byId.get(RecordRow.recordId(sent));
      assertThat(row).as("record %d", i).isNotNull();
      assertThat(row.path("PrincipalId").asText()).isEqualTo(sent.principal().id());
      assertThat(row.path("Outcome").asText()).isEqualTo(sent.outcome().name());
      assertThat(row.path("RevocationStatus").asText()).isEqualTo(sent.revocation().status().name());
      assertThat(row.path("Repository").asText()).isEqualTo(sent.ci().get("github.repository"));
      assertThat(row.path("RequestIds").get(0).asText()).isEqualTo(sent.requestIds().get(0));
    }
  }

  @Test
  void shipsEverythingDespiteThrottlingBecauseTheClientHonoursRetryAfter() throws IOException {
    emulator.hazards(emulator.hazards().withThrottleRps(1));
    ShipResult result = shipper().ship(Records.read(write(30)));

    assertThat(result.shipped()).hasSize(30);
    assertThat(emulator.ingestedLogs().rows(RULE_ID, STREAM)).hasSize(30);
  }

  @Test
  void reportsFilesThatAreNotRecordsAndShipsTheRest() throws IOException {
    write(3);
    Files.writeString(dir.resolve("not-a-record.json"), "{\"hello\":1}");
    Files.writeString(dir.resolve("newer.json"), ActivationRecords.toJson(GeneratedRecords.number(9))
        .replace("\"schemaVersion\" : \"1.0\"", "\"schemaVersion\" : \"2.0\""));

    ShipResult result = shipper().ship(Records.read(List.of(dir)));

    assertThat(result.shipped()).hasSize(3);
    assertThat(result.skipped()).extracting(s -> s.file().getFileName().toString())
        .containsExactlyInAnyOrder("not-a-record.json", "newer.json");
    assertThat(result.skipped()).anyMatch(s -> s.reason().contains("schema version 2.0"));
    assertThat(emulator.ingestedLogs().rows(RULE_ID, STREAM)).hasSize(3);
  }

  @Test
  void reportsEveryFileWithTheServicesAnswerWhenTheIdentityMayNotPublish() throws IOException {
    emulator.loadScenario(ShipFixture.demoWithRule(false));
    ShipResult result = shipper().ship(Records.read(write(5)));

    assertThat(result.shipped()).isEmpty();
    assertThat(result.refused()).hasSize(5).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.code()).isEqualTo("OperationFailed");
      assertThat(r.requestId()).isNotBlank();
    });
  }

  @Test
  void anUnreachableEndpointIsAnErrorNamingIt() throws IOException {
    String dead = "https://127.0.0.1:1/ingest";
    Shipper shipper = Shipper.create(ShipTarget.of(dead, RULE_ID, STREAM), broker, http);

    assertThatThrownBy(() -> shipper.ship(Records.read(write(1))))
        .isInstanceOf(ShipException.class).hasMessageContaining("Cannot reach the Logs Ingestion endpoint " + dead)
        .satisfies(e -> assertThat(((ShipException) e).endpoint()).isEqualTo(dead));
  }
}
