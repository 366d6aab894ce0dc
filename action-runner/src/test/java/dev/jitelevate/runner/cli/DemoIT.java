package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/jit-elevate.jar demo}: the README's main-job command, as a separate process. */
class DemoIT {
  @TempDir
  Path dir;

  @Test
  void runsTheWholeLifecycleAndLeavesNothingActive() throws Exception {
    Path record = dir.resolve("record.json");
    CliProcess.Result r = new CliProcess().run("demo", "--record-out", record.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("-> resolve", "-> submit", "waiting: Accepted", "ok verify", "ok perform", "ok revoke",
        "ok record");
    assertThat(r.out()).contains("Outcome:    SUCCEEDED (broker)", "Revocation: REVOKED", "keyvault.secret.db-password",
        "Record:     " + record, "Left active: nothing");
    JsonNode json = new ObjectMapper().readTree(record.toFile());
    assertThat(json.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(json.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(r.out()).contains("Exposure:   access may persist until " + json.path("exposure").path("accessMayPersistUntil").asText());
    assertThat(json.path("exposure").path("maxAccessTokenLifetime").asText()).isEqualTo("PT1H30M");
    assertThat(json.path("operation").path("notes").path("keyvault.secret.db-password").path("newVersion").asText()).isNotBlank();
    KnownSecrets secrets = KnownSecrets.ofDemoScenario();
    secrets.assertNoneIn(r);
    secrets.assertNoneInFile(record);
  }

  @Test
  void printsOneJsonDocumentWithJson() throws Exception {
    CliProcess.Result r = new CliProcess().run("demo", "--json", "--quiet", "--record-out", dir.resolve("r.json").toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("exitCode").asInt()).isZero();
    assertThat(json.path("leftActive").asInt()).isZero();
    assertThat(json.path("record").path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(r.err()).doesNotContain("-> resolve");
    KnownSecrets.ofDemoScenario().assertNoneIn(r);
  }
}
