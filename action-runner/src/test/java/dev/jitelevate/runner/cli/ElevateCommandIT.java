package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jit-elevate elevate} as a separate process against an embedded emulator through a cloud profile. The
 * CI workload identity signs in with {@code --auth environment} and a federated token file (as on AKS), the
 * broker's secret comes from AZURE_BROKER_CLIENT_SECRET; the command is {@link VaultProbe}, which can read the
 * vault only while elevated.
 */
class ElevateCommandIT {
  static final String SCOPE = DemoWorld.SCOPE;
  @TempDir
  Path dir;
  PimEmulator emulator;
  Path profile;
  final KnownSecrets secrets = KnownSecrets.ofDemoScenario();

  @BeforeEach
  void start() throws Exception {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).hazards(Hazards.none()
        .withProvisioningDelay(Duration.ofMillis(200)).withPropagationDelay(Duration.ofMillis(300))
        .withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    profile = emulator.writeProfile(dir.resolve("profile.json"));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  CliProcess cli() throws Exception {
    String token = emulator.github().idToken(DemoWorld.FEDERATION_AUDIENCE);
    Path tokenFile = Files.writeString(dir.resolve("token"), token);
    return new CliProcess().env("AZURE_TENANT_ID", emulator.tenantId()).env("AZURE_CLIENT_ID", DemoWorld.CI_APP_ID)
        .env("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString()).env(Env.BROKER_SECRET, DemoWorld.BROKER_SECRET);
  }

  List<String> elevate(String... more) {
    List<String> args = new ArrayList<>(List.of("elevate", "--auth", "environment", "--cloud-profile", profile.toString(),
        "--strategy", "broker", "--broker-client-id", DemoWorld.BROKER_APP_ID, "--minimum-active-duration", "1s",
        "--target", "azure-role", "--role", DemoWorld.ROLE, "--scope", SCOPE, "--duration", "30m",
        "--justification", "rotate the payments password", "--pr", "https://github.com/contoso/payments/pull/42"));
    args.addAll(List.of(more));
    return args;
  }

  List<String> withProbe(List<String> args, String... exitCode) {
    List<String> all = new ArrayList<>(args);
    all.add("--");
    List<String> probeArgs = new ArrayList<>(List.of(profile.toString(), DemoWorld.VAULT, DemoWorld.SECRET));
    probeArgs.addAll(List.of(exitCode));
    all.addAll(CliProcess.javaMain(VaultProbe.class, probeArgs.toArray(String[]::new)));
    return all;
  }

  JsonNode json(Path file) throws Exception {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Nested
  class WithACommand {
    @Test
    void theCommandSeesTheElevationWhichIsRevokedAfterIt() throws Exception {
      Path record = dir.resolve("record.json");
      CliProcess.Result r = cli().run(withProbe(elevate("--record-out", record.toString())));

      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("read db-password: ", "broker secret visible: false").containsPattern("elevation request: [0-9a-f-]{36}");
      assertThat(r.err()).contains("ok verify", "ok perform", "ok revoke", "Revocation: REVOKED");
      assertThat(emulator.leaks()).isEmpty();
      JsonNode rec = json(record);
      assertThat(rec.path("outcome").asText()).isEqualTo("SUCCEEDED");
      assertThat(rec.path("justification").asText()).contains("PR contoso/payments#42");
      assertThat(rec.path("ci").path("pr.number").asText()).isEqualTo("42");
      secrets.assertNoneIn(r);
      secrets.assertNoneInFile(record);
    }

    @Test
    void theResultSaysUntilWhenAccessMayPersistAfterTheRevocation() throws Exception {
      Path record = dir.resolve("record.json");
      CliProcess.Result r = cli().run(withProbe(elevate("--json", "--max-token-lifetime", "2h",
          "--record-out", record.toString())));

      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode result = new ObjectMapper().readTree(r.out().substring(r.out().indexOf("{\n")));
      JsonNode exposure = json(record).path("exposure");
      java.time.Instant revoked = java.time.Instant.parse(json(record).path("timeline").path("revoked").asText());
      java.time.Instant until = java.time.Instant.parse(exposure.path("accessMayPersistUntil").asText());
      assertThat(result.path("accessMayPersistUntil").asText()).isEqualTo(until.toString());
      assertThat(until).isAfterOrEqualTo(revoked.plus(java.time.Duration.ofHours(2)));
      assertThat(exposure.path("maxAccessTokenLifetime").asText()).isEqualTo("PT2H");
      assertThat(exposure.path("tokensIssuedDuringWindow").path("count").isInt()).as("counted, the command's own "
          + "tokens aside: they are its process's").isTrue();
      assertThat(exposure.path("explanation").asText()).contains("stay valid until they expire");
      secrets.assertNoneIn(r);
    }

    @Test
    void aFailingCommandStillRevokesAndPassesOnItsExitCode() throws Exception {
      Path record = dir.resolve("record.json");
      CliProcess.Result r = cli().run(withProbe(elevate("--record-out", record.toString()), "7"));

      assertThat(r.exitCode()).as(r.err()).isEqualTo(7);
      assertThat(r.out()).contains("read db-password: ");
      assertThat(r.err()).contains("the command exited with 7; the elevation was revoked (REVOKED)");
      assertThat(emulator.leaks()).isEmpty();
      assertThat(json(record).path("error").path("kind").asText()).isEqualTo("OPERATION_FAILED");
      secrets.assertNoneIn(r);
    }

    @Test
    void withoutTheElevationTheCommandCannotReadTheVault() throws Exception {
      CliProcess.Result r = cli().exec(CliProcess.javaMain(VaultProbe.class, profile.toString(), DemoWorld.VAULT, DemoWorld.SECRET));

      assertThat(r.exitCode()).as(r.all()).isEqualTo(42);
      assertThat(r.out()).contains("cannot read db-password");
    }

    @Test
    void sigtermWhileTheCommandRunsStopsItAndRevokes() throws Exception {
      List<String> args = elevate();
      args.addAll(List.of("--", "sleep", "120"));
      CliProcess.Running running = cli().start(args);
      running.awaitErr("-> perform", 60);
      assertThat(emulator.leaks()).hasSize(1);

      running.process().destroy();

      assertThat(running.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(emulator.leaks()).isEmpty();
      assertThat(Files.readString(running.err())).contains("-> revoke");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void sigtermStopsWhatTheCommandStartedInTheBackgroundToo() throws Exception {
      Path pid = dir.resolve("child.pid");
      List<String> args = elevate();
      args.addAll(List.of("--", "bash", "-c", "sleep 120 & echo $! > " + pid + "; wait"));
      CliProcess.Running running = cli().start(args);
      running.awaitErr("-> perform", 60);
      long child = awaitPid(pid);

      running.process().destroy();

      assertThat(running.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertEnds(child, "the shell's child, which the shell does not stop when it is stopped");
      assertThat(emulator.leaks()).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void whatTheCommandLeftRunningIsStoppedBeforeTheRevokeAndTheRecordCountsIt() throws Exception {
      Path pid = dir.resolve("child.pid");
      Path record = dir.resolve("record.json");
      List<String> args = elevate("--record-out", record.toString());
      args.addAll(List.of("--", "bash", "-c", "sleep 120 & echo $! > " + pid));
      CliProcess.Result r = cli().run(args);

      assertThat(r.exitCode()).as(r.err()).isZero();
      assertEnds(awaitPid(pid), "the command's background job");
      assertThat(r.err()).contains("bash left 1 process running: stopped before the revoke");
      assertThat(json(record).findValue("leftoverProcessesStopped").asInt()).isEqualTo(1);
      assertThat(emulator.leaks()).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void keepBackgroundLeavesWhatTheCommandStartedRunningWithAWarningAndTheRecordCountsIt() throws Exception {
      Path pid = dir.resolve("child.pid");
      Path record = dir.resolve("record.json");
      List<String> args = elevate("--record-out", record.toString(), "--keep-background");
      args.addAll(List.of("--", "bash", "-c", "sleep 120 & echo $! > " + pid));
      CliProcess.Result r = cli().run(args);

      long child = awaitPid(pid);
      try {
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).as("the kept background job").contains(true);
        assertThat(r.err()).contains("bash left 1 process running: kept, as --keep-background asks");
        assertThat(json(record).findValue("leftoverProcessesKept").asInt()).isEqualTo(1);
        assertThat(json(record).findValue("leftoverProcessesStopped")).isNull();
        assertThat(emulator.leaks()).isEmpty();
      } finally {
        ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
      }
    }

    @Test
    void keepBackgroundWithoutACommandIsRefusedBeforeAnythingIsAsked() throws Exception {
      CliProcess.Result r = cli().run(elevate("--keep-background"));

      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("--keep-background", "Run the command after --").doesNotContain("\tat ");
      assertThat(emulator.journal()).isEmpty();
    }

    @Test
    void aCommandThatLeavesNothingRunningGetsNoWarning() throws Exception {
      Path record = dir.resolve("record.json");
      List<String> args = elevate("--record-out", record.toString());
      args.addAll(List.of("--", "true"));
      CliProcess.Result r = cli().run(args);

      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.err()).doesNotContain("running: stopped before the revoke");
      assertThat(json(record).findValue("leftoverProcessesStopped")).isNull();
    }

    long awaitPid(Path file) throws Exception {
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        String text = Files.exists(file) ? Files.readString(file).trim() : "";
        if (!text.isEmpty()) {
          return Long.parseLong(text);
        }
        Thread.sleep(20);
      }
      throw new AssertionError(file + " was never written");
    }

    void assertEnds(long pid, String what) throws Exception {
      java.util.Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isPresent()) {
        assertThat(process.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS).isAlive()).as(what).isFalse();
      }
    }

    @Test
    void aCommandThatCannotStartIsReportedAndTheElevationRevoked() throws Exception {
      List<String> args = elevate();
      args.addAll(List.of("--", "/nonexistent/jit-elevate-no-such-program"));
      CliProcess.Result r = cli().run(args);

      assertThat(r.exitCode()).isEqualTo(8);
      assertThat(r.err()).contains("could not be started");
      assertThat(emulator.leaks()).isEmpty();
    }
  }

  @Nested
  class WithoutACommand {
    @Test
    void leavesTheElevationActiveUntilRevokeIsRunWithItsHandle() throws Exception {
      Path handle = dir.resolve("handle.json");
      CliProcess.Result held = cli().run(elevate("--handle-out", handle.toString()));

      assertThat(held.exitCode()).as(held.err()).isZero();
      assertThat(held.out()).contains("jit-elevate revoke --handle " + handle, "--broker-client-id " + DemoWorld.BROKER_APP_ID);
      assertThat(emulator.leaks()).hasSize(1);

      Path record = dir.resolve("final.json");
      CliProcess.Result revoked = cli().run("revoke", "--handle", handle.toString(), "--record-out", record.toString(),
          "--auth", "environment", "--cloud-profile", profile.toString(), "--broker-client-id", DemoWorld.BROKER_APP_ID,
          "--minimum-active-duration", "1s");

      assertThat(revoked.exitCode()).as(revoked.err()).isZero();
      assertThat(emulator.leaks()).isEmpty();
      assertThat(json(record).path("revocation").path("status").asText()).isEqualTo("REVOKED");
      assertThat(json(record).path("exposure").path("accessMayPersistUntil").asText()).isNotBlank();
      assertThat(revoked.out()).contains("Exposure:   access may persist until ");
      secrets.assertNoneIn(held);
      secrets.assertNoneIn(revoked);
      secrets.assertNoneInFile(handle);
    }

    @Test
    void aDryRunSubmitsNothing() throws Exception {
      CliProcess.Result r = cli().run(elevate("--dry-run", "--json", "--record-out", dir.resolve("r.json").toString()));

      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(new ObjectMapper().readTree(r.out()).path("record").path("outcome").asText()).isEqualTo("DRY_RUN");
      assertThat(emulator.leaks()).isEmpty();
    }
  }

  @Nested
  class Failures {
    @Test
    void aWrongBrokerSecretExitsWithTheCodeOfTheRecordedFailureWithoutTraceOrLeak() throws Exception {
      Path record = dir.resolve("record.json");
      CliProcess.Result r = cli().env(Env.BROKER_SECRET, "wrong-secret-value").run(withProbe(elevate("--record-out", record.toString())));

      // The exit code is the class of failure in the record (AUTHENTICATION on every surface: BadBrokerSecretIT).
      String kind = json(record).path("error").path("kind").asText();
      assertThat(r.exitCode()).as(r.err()).isEqualTo(dev.jitelevate.runner.ExitCodes.of(dev.jitelevate.core.FailureKind.valueOf(kind)))
          .isNotZero();
      assertThat(r.out()).doesNotContain("read db-password");
      assertThat(r.err()).doesNotContain("wrong-secret-value").doesNotContain("\tat ");
      assertThat(emulator.leaks()).isEmpty();
    }
  }

  @Nested
  class Sweep {
    @Test
    void reportsWhatItRemovedAsJsonAndTouchesNoStandingAssignment() throws Exception {
      int before = emulator.activeAssignments().size();
      CliProcess.Result r = cli().run("sweep", "--json", "--scope", "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12",
          "--auth", "environment", "--cloud-profile", profile.toString(), "--broker-client-id", DemoWorld.BROKER_APP_ID);

      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode json = new ObjectMapper().readTree(r.out());
      assertThat(json.path("scope").asText()).isEqualTo("/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12");
      assertThat(json.path("removed")).isEmpty();
      assertThat(emulator.activeAssignments()).hasSize(before);
      secrets.assertNoneIn(r);
    }
  }
}
