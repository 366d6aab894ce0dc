package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.testing.RecordSchema;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tenant with history, paged as Graph and ARM page their lists ({@value #PAGE_SIZE} items a page here): earlier
 * runs left two full pages of requests for the same role. {@code jit-elevate revoke --handle}, a fresh process
 * with nothing but the handle file, finds its own request behind them and revokes it on every surface.
 */
class CliPagedHistoryIT {
  static final int PAGE_SIZE = 2;
  /** Each earlier run leaves its activation and its removal: two runs fill two pages. */
  static final int EARLIER_RUNS = 2;
  @TempDir
  Path dir;
  PimEmulator emulator;
  CliTargets targets;
  @RegisterExtension
  static final ScenarioLedger LEDGER = new ScenarioLedger("cli-paged-revoke");

  @BeforeEach
  void start() {
    emulator = PimEmulator.builder().scenario(Scenario.demo().withPageSize(PAGE_SIZE)).hazards(Hazards.none()
        .withProvisioningDelay(Duration.ofMillis(200)).withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    targets = new CliTargets(emulator, dir);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"azure-role", "directory-role", "group"})
  void aRevokeFromAHandleFindsItsRequestBehindTwoPagesOfHistory(String target) throws Exception {
    for (int i = 0; i < EARLIER_RUNS; i++) {
      CliProcess.Result earlier = targets.cli().run(targets.elevate(target, "--", "true"));
      assertThat(earlier.exitCode()).as("earlier run %d: %s", i, earlier.err()).isZero();
    }
    Path handle = dir.resolve("handle.json");
    CliProcess.Result held = targets.cli().run(targets.elevate(target, "--handle-out", handle.toString()));
    assertThat(held.exitCode()).as(held.err()).isZero();
    assertThat(emulator.leaks()).hasSize(1);

    Path record = dir.resolve("record.json");
    CliProcess.Result revoked = targets.cli().run(targets.revoke(handle, "--record-out", record.toString()));

    assertThat(revoked.exitCode()).as(revoked.err()).isZero();
    assertThat(emulator.leaks()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(record.toFile());
    assertThat(json.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(RecordSchema.errorsInJson(Files.readString(record))).isEmpty();
    LEDGER.observed("cli/" + target + "/revoke-from-handle-behind-two-pages", EARLIER_RUNS * 2
        + " earlier requests for the role, " + PAGE_SIZE + " a page", "revoke exit " + revoked.exitCode(), "",
        json.path("revocation").path("status").asText(), emulator.leaks().size(), Files.readString(record),
        revoked.out(), revoked.err());
  }
}
