package dev.jitelevate.runner.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.runner.JitElevate;
import dev.jitelevate.runner.Redactor;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.Env;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsReportCommandTest {
  private static final String RECORD = """
      {"schemaVersion":"1.0","requestIds":["11111111-2222-3333-4444-555555555555"],
       "principal":{"id":"c1c1c1c1-0000-4000-8000-000000000001","displayName":"sp-deploy"},
       "target":{"kind":"azure-role","roleName":"Contributor","scope":"/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12"},
       "strategy":"broker","justification":"deploy","window":{"requested":"PT30M"},
       "timeline":{"requested":"2026-11-01T10:00:00Z","provisioned":"2026-11-01T10:00:04Z",
                   "verified":"2026-11-01T10:00:09Z","revoked":"2026-11-01T10:05:00Z"},
       "outcome":"%s","revocation":{"status":"REVOKED"},%s"retries":0,"apiCalls":7,"operation":{},
       "ci":{"github.repository":"contoso/web","github.actor":"alice"}}
      """;
  private static final String FAILURE = "\"error\":{\"kind\":\"DENIED\",\"code\":\"PolicyViolation\","
      + "\"message\":\"denied\",\"azureRequestId\":\"aaaa0000-1111-4222-8333-444455556666\"},";

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new Redactor());
    return JitElevate.commandLine(new JitElevate(new Env(Map.of()), console)).execute(args);
  }

  private void records() throws Exception {
    Files.writeString(dir.resolve("ok.json"), RECORD.formatted("SUCCEEDED", ""));
    Files.writeString(dir.resolve("denied.json"), RECORD.formatted("DENIED", FAILURE));
    Files.writeString(dir.resolve("junk.json"), "[1, 2]");
  }

  @Test
  void writesTheHtmlReportAndSaysWhatItRead() throws Exception {
    records();
    Path html = dir.resolve("out/report.html");

    int code = run("records", "report", dir.toString(), "--out", html.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(html)).contains("<figure class=\"chart\" data-chart=\"perDay\"", "contoso/web");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 records, 1 failed, denied or timed out; 1 files skipped");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("skipped ", "junk.json", "not a JSON object");
  }

  @Test
  void printsTheSameAggregatesAsJson() throws Exception {
    records();

    int code = run("records", "report", dir.resolve("ok.json").toString(), dir.resolve("denied.json").toString(), "--json");

    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.path("records").asInt()).isEqualTo(2);
    assertThat(json.path("timeToEffective").path("p50Millis").asLong()).isEqualTo(9000);
    assertThat(json.path("failures").get(0).path("azureRequestId").asText()).isEqualTo("aaaa0000-1111-4222-8333-444455556666");
    assertThat(json.path("failures").get(0).path("requestIds").get(0).asText()).isEqualTo("11111111-2222-3333-4444-555555555555");
  }

  @Test
  void aPathThatDoesNotExistIsOneLineNamingIt() {
    int code = run("records", "report", dir.resolve("nowhere").toString(), "--out", dir.resolve("r.html").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).contains("nowhere").doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void withNeitherOutNorJsonItSaysWhatToPass() {
    int code = run("records", "report", dir.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out", "--json");
  }
}
