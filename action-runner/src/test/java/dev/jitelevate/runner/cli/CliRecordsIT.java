package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.testing.RecordSchema;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exit path of {@code jit-elevate elevate} writes a schema-valid record whose outcome matches the exit code. */
class CliRecordsIT {
  @TempDir
  Path dir;
  PimEmulator emulator;
  Path profile;
  Path record;

  @BeforeEach
  void start() throws Exception {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).hazards(Hazards.none()
        .withProvisioningDelay(Duration.ofMillis(200)).withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    profile = emulator.writeProfile(dir.resolve("profile.json"));
    record = dir.resolve("out/record.json");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  CliProcess cli() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), emulator.github().idToken(DemoWorld.FEDERATION_AUDIENCE));
    return new CliProcess().env("AZURE_TENANT_ID", emulator.tenantId()).env("AZURE_CLIENT_ID", DemoWorld.CI_APP_ID)
        .env("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString()).env(Env.BROKER_SECRET, DemoWorld.BROKER_SECRET);
  }

  List<String> elevate(String... more) {
    List<String> args = new ArrayList<>(List.of("elevate", "--auth", "environment", "--cloud-profile", profile.toString(),
        "--strategy", "broker", "--broker-client-id", DemoWorld.BROKER_APP_ID, "--minimum-active-duration", "1s",
        "--target", "azure-role", "--role", DemoWorld.ROLE, "--scope", DemoWorld.SCOPE, "--duration", "30m",
        "--justification", "rotate the payments password", "--record-out", record.toString()));
    args.addAll(List.of(more));
    return args;
  }

  ActivationRecord written() throws Exception {
    assertThat(record).exists();
    ActivationRecord r = ActivationRecords.fromJson(Files.readString(record));
    assertThat(RecordSchema.errors(r)).isEmpty();
    return r;
  }

  /** The record once it is there and complete, by a deadline rather than after a fixed pause. */
  ActivationRecord writtenWithin(Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!Files.exists(record) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return written();
  }

  @Test
  void sigtermWhileTheCommandRunsWritesACancelledRecordOfTheRevocation() throws Exception {
    List<String> args = elevate("--", "sleep", "120");
    CliProcess.Running running = cli().start(args);
    running.awaitErr("-> perform", 60);

    running.process().destroy();

    assertThat(running.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(running.process().exitValue()).isEqualTo(143);
    assertThat(emulator.leaks()).isEmpty();
    ActivationRecord r = writtenWithin(Duration.ofSeconds(10));
    assertThat(r.revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    assertThat(r.outcome()).isEqualTo(ActivationRecord.Outcome.CANCELLED);
    assertThat(r.error().orElseThrow().kind()).isEqualTo(FailureKind.INTERRUPTED);
  }

  @Test
  void aHeldElevationHonoursRecordOut() throws Exception {
    CliProcess.Result held = cli().run(elevate("--handle-out", dir.resolve("handle.json").toString()));

    assertThat(held.exitCode()).as(held.err()).isZero();
    assertThat(written().revocation().status()).isEqualTo(RevocationStatus.PENDING);
    cli().run("revoke", "--handle", dir.resolve("handle.json").toString(), "--auth", "environment", "--cloud-profile",
        profile.toString(), "--broker-client-id", DemoWorld.BROKER_APP_ID, "--minimum-active-duration", "1s");
    assertThat(emulator.leaks()).isEmpty();
  }

  @Test
  void aHeldElevationThatTimesOutWritesATimedOutRecord() throws Exception {
    emulator.hazards(emulator.hazards().withProvisioningDelay(Duration.ofHours(1)));
    CliProcess.Result r = cli().run(elevate("--provisioning-timeout", "2s"));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.of(FailureKind.TIMED_OUT));
    ActivationRecord rec = written();
    assertThat(rec.outcome()).isEqualTo(ActivationRecord.Outcome.TIMED_OUT);
    assertThat(rec.error().get().kind()).isEqualTo(FailureKind.TIMED_OUT);
    assertThat(emulator.leaks()).isEmpty();
  }
}
