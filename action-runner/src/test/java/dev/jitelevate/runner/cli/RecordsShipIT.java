package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.action.ShipScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jit-elevate records ship} as a separate process: the demo's record goes to the emulator's Logs
 * Ingestion API (its rule declared by the repository's own template) signed in as the CI workload identity.
 */
class RecordsShipIT {
  static final String RULE_ID = ShipScenario.RULE_ID;
  static final String STREAM = ShipScenario.STREAM;

  @TempDir
  static Path shared;
  static Path demoRecord;
  @TempDir
  Path dir;
  PimEmulator emulator;

  /** One demo run for the class: the demo is the slowest part, and its record is only read. */
  @BeforeAll
  static void runTheDemoOnce() throws Exception {
    demoRecord = shared.resolve("demo-record.json");
    CliProcess.Result demo = new CliProcess().run("demo", "--quiet", "--record-out", demoRecord.toString());
    assertThat(demo.exitCode()).as(demo.err()).isZero();
  }

  Path profile;

  @BeforeEach
  void start() throws Exception {
    emulator = PimEmulator.builder().scenario(scenario(true)).start();
    profile = emulator.writeProfile(dir.resolve("profile.json"));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  static Scenario scenario(boolean ciMayPublish) {
    return ShipScenario.demoWithRule(ciMayPublish);
  }

  CliProcess cli() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), emulator.github().idToken(DemoWorld.FEDERATION_AUDIENCE));
    return new CliProcess().env("AZURE_TENANT_ID", emulator.tenantId()).env("AZURE_CLIENT_ID", DemoWorld.CI_APP_ID)
        .env("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString());
  }

  List<String> ship(String... more) {
    List<String> args = new ArrayList<>(List.of("records", "ship", "--auth", "environment", "--cloud-profile",
        profile.toString(), "--endpoint", emulator.logsIngestionEndpoint(), "--rule-id", RULE_ID));
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void shipsTheDemosRecordAndTheTableHoldsItsRow() throws Exception {
    Path record = demoRecord;

    CliProcess.Result r = cli().run(ship(record.toString()));

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Shipped:  1 records to " + STREAM + " of " + RULE_ID, "Refused:  0", "Skipped:  0");
    List<JsonNode> rows = emulator.ingestedLogs().rows(RULE_ID, STREAM);
    assertThat(rows).hasSize(1);
    JsonNode sent = new ObjectMapper().readTree(record.toFile());
    JsonNode row = rows.get(0);
    assertThat(row.path("Outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(row.path("RevocationStatus").asText()).isEqualTo("REVOKED");
    assertThat(row.path("PrincipalId").asText()).isEqualTo(sent.path("principal").path("id").asText());
    assertThat(row.path("RoleName").asText()).isEqualTo(DemoWorld.ROLE);
    assertThat(row.path("RequestIds")).hasSize(sent.path("requestIds").size());
    assertThat(row.path("ExposureSeconds").asLong()).isNotNegative();
    KnownSecrets.ofDemoScenario().assertNoneIn(r);
  }

  @Test
  void reportsAFileThatIsNotARecordByNameAndShipsTheOthers() throws Exception {
    Path record = demoRecord;
    Path bogus = Files.writeString(dir.resolve("bogus.json"), "{\"schemaVersion\":\"0.9\"}");

    CliProcess.Result r = cli().run(ship("--json", record.toString(), bogus.toString()));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("skipped " + bogus + ": ");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("shipped")).hasSize(1);
    assertThat(json.path("skipped").get(0).path("file").asText()).isEqualTo(bogus.toString());
    assertThat(emulator.ingestedLogs().rows(RULE_ID, STREAM)).hasSize(1);
  }

  @Test
  void anIdentityWithoutThePublisherRoleIsToldWhatToGrant() throws Exception {
    emulator.loadScenario(scenario(false));
    Path record = demoRecord;

    CliProcess.Result r = cli().run(ship(record.toString()));

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err()).contains("refused " + record + ": HTTP 403 OperationFailed (request id ",
        "Grant the identity Monitoring Metrics Publisher on the data collection rule.");
  }

  @Test
  void aMissingOrUnreachableEndpointIsAOneLineErrorNamingIt() throws Exception {
    Path record = Files.writeString(dir.resolve("r.json"), "{}");
    CliProcess.Result missing = cli().run("records", "ship", record.toString(), "--rule-id", RULE_ID);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--endpoint");

    CliProcess.Result notUrl = cli().run("records", "ship", record.toString(), "--endpoint", "dce.example", "--rule-id", RULE_ID);
    assertThat(notUrl.exitCode()).isEqualTo(2);
    assertThat(notUrl.err()).contains("'dce.example' is not an https URL").doesNotContain("Exception");

    Path real = demoRecord;
    CliProcess.Result unreachable = cli().run("records", "ship", real.toString(), "--auth", "environment",
        "--cloud-profile", profile.toString(), "--endpoint", "https://127.0.0.1:1/ingest", "--rule-id", RULE_ID);
    assertThat(unreachable.exitCode()).isEqualTo(10);
    assertThat(unreachable.err()).contains("Cannot reach the Logs Ingestion endpoint https://127.0.0.1:1/ingest")
        .doesNotContain("\tat ");
  }
}
