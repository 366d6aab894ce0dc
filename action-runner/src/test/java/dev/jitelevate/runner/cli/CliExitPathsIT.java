package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.testing.RecordSchema;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.PendingApproval;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.server.FaultRule;
import dev.jitelevate.runner.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every exit path of {@code jit-elevate elevate}, with a command ({@code -- CMD}) and held (then {@code revoke}):
 * success, policy violation, denied, timed out, operation failed, SIGTERM, revoke failed. Each leaves one record
 * at {@code --record-out}, valid against the published schema as written on disk, whose outcome and failure kind
 * are the ones the exit code stands for, and nothing active the run did not mean to leave.
 */
class CliExitPathsIT {
  /** How the CLI is used: with a command it revokes by itself; held, {@code jit-elevate revoke} does. */
  enum Mode { COMMAND, HELD }

  static final String ALICE = "alice@contoso-emu.onmicrosoft.com";
  static final String SUBSCRIPTION = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final int EVERY_ATTEMPT = 50;
  @TempDir
  Path dir;
  PimEmulator emulator;
  Path profile;
  Path record;
  ScheduledExecutorService approver;
  @RegisterExtension
  static final ScenarioLedger LEDGER = new ScenarioLedger("cli-exit-paths");
  private String scenarioId = "";
  private String fault = "";

  private void scenario(Mode mode, String path, String what) {
    scenarioId = "cli/" + (mode == Mode.HELD ? "held" : "command") + "/" + path;
    fault = what;
  }

  @BeforeEach
  void start() {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).hazards(Hazards.none()
        .withProvisioningDelay(Duration.ofMillis(200)).withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    profile = emulator.writeProfile(dir.resolve("profile.json"));
    record = dir.resolve("out/record.json");
    approver = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stop() {
    approver.shutdownNow();
    emulator.close();
  }

  CliProcess machine() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), emulator.github().idToken(DemoWorld.FEDERATION_AUDIENCE));
    return new CliProcess().env("AZURE_TENANT_ID", emulator.tenantId()).env("AZURE_CLIENT_ID", DemoWorld.CI_APP_ID)
        .env("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString()).env(Env.BROKER_SECRET, DemoWorld.BROKER_SECRET);
  }

  /** Alice at a terminal: the device code flow, completed by the emulator; she activates her own eligibility. */
  CliProcess alice() {
    emulator.signIns().completeDeviceCodesAs(ALICE);
    return new CliProcess().env("HOME", dir.toString()).env("XDG_CONFIG_HOME", dir.resolve("config").toString());
  }

  List<String> brokerSignIn() {
    return List.of("--auth", "environment", "--cloud-profile", profile.toString(), "--broker-client-id",
        DemoWorld.BROKER_APP_ID, "--minimum-active-duration", "1s");
  }

  List<String> aliceSignIn() {
    return List.of("--auth", "device-code", "--client-id", PersonSignInIT.PUBLIC_CLIENT, "--cloud-profile",
        profile.toString(), "--minimum-active-duration", "1s", "--token-cache", "memory");
  }

  /** The broker elevates the CI app to Key Vault Secrets Officer on rg-app. */
  List<String> broker(Mode mode, String... more) {
    List<String> args = new ArrayList<>(List.of("elevate", "--strategy", "broker", "--target", "azure-role",
        "--role", DemoWorld.ROLE, "--scope", DemoWorld.SCOPE, "--duration", "30m"));
    args.addAll(brokerSignIn());
    return finish(args, mode, more);
  }

  List<String> self(Mode mode, String role, String scope, String duration, String... more) {
    List<String> args = new ArrayList<>(List.of("elevate", "--target", "azure-role", "--role", role, "--scope", scope,
        "--duration", duration, "--ticket-number", "INC-4711", "--ticket-system", "ServiceNow"));
    args.addAll(aliceSignIn());
    return finish(args, mode, more);
  }

  private List<String> finish(List<String> args, Mode mode, String... more) {
    args.addAll(List.of("--justification", "rotate the payments password", "--record-out", record.toString()));
    if (mode == Mode.HELD) {
      args.addAll(List.of("--handle-out", dir.resolve("handle.json").toString()));
    }
    args.addAll(List.of(more));
    if (mode == Mode.COMMAND && !args.contains("--")) {
      args.addAll(List.of("--", "true"));
    }
    return args;
  }

  /** The record as written, checked against the published schema; its outcome is what the exit code says. */
  JsonNode written(int exitCode) throws Exception {
    assertThat(record).as("the record at --record-out").exists();
    String json = Files.readString(record);
    assertThat(RecordSchema.errorsInJson(json)).as(json).isEmpty();
    JsonNode r = new ObjectMapper().readTree(json);
    String kind = r.path("error").path("kind").asText("");
    LEDGER.observed(scenarioId, fault, "exit " + exitCode + ", " + r.path("outcome").asText(), kind,
        r.path("revocation").path("status").asText(), emulator.leaks().size(), json);
    int expected = switch (r.path("outcome").asText()) {
      case "SUCCEEDED", "IN_PROGRESS" -> kind.isEmpty() ? ExitCodes.OK : ExitCodes.of(FailureKind.valueOf(kind));
      case "CANCELLED" -> 143;
      default -> ExitCodes.of(FailureKind.valueOf(kind));
    };
    assertThat(exitCode).as("the exit code for the recorded outcome %s/%s", r.path("outcome").asText(), kind)
        .isEqualTo(expected);
    return r;
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSuccessIsRecordedAsSucceededWithExitZero(Mode mode) throws Exception {
    scenario(mode, "success", "none");
    CliProcess.Result r = machine().run(broker(mode));

    JsonNode rec = written(r.exitCode());
    assertThat(rec.path("outcome").asText()).isEqualTo(mode == Mode.HELD ? "IN_PROGRESS" : "SUCCEEDED");
    assertThat(rec.path("revocation").path("status").asText()).isEqualTo(mode == Mode.HELD ? "PENDING" : "REVOKED");
    if (mode == Mode.HELD) {
      assertThat(emulator.leaks()).hasSize(1);
      revoke(0);
      JsonNode revoked = written(0);
      assertThat(revoked.path("outcome").asText()).isEqualTo("SUCCEEDED");
      assertThat(revoked.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    }
    assertThat(emulator.leaks()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aPolicyViolationIsRecordedBeforeAnythingIsSubmittedWithExitThree(Mode mode) throws Exception {
    scenario(mode, "policy-violation", "5h over the policy's 4h maximum");
    CliProcess.Result r = alice().run(self(mode, DemoWorld.ROLE, DemoWorld.SCOPE, "5h"));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.of(FailureKind.POLICY_VIOLATION));
    JsonNode rec = written(r.exitCode());
    assertThat(rec.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(rec.path("revocation").path("status").asText()).isEqualTo("NOT_CREATED");
    assertThat(emulator.journal()).noneMatch(j -> j.method().equals("PUT"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aDeniedActivationIsRecordedAsDeniedWithExitSix(Mode mode) throws Exception {
    scenario(mode, "approval-denied", "the approver denies");
    approver.scheduleWithFixedDelay(() -> {
      for (PendingApproval pending : emulator.pendingApprovals()) {
        emulator.decide(pending.approvalId(), false, "b0b00000-0000-4000-8000-000000000002", "not during the freeze");
      }
    }, 100, 100, TimeUnit.MILLISECONDS);

    CliProcess.Result r = alice().run(self(mode, "Contributor", SUBSCRIPTION, "1h"));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.of(FailureKind.DENIED));
    assertThat(written(r.exitCode()).path("outcome").asText()).isEqualTo("DENIED");
    assertThat(emulator.leaks()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anElevationThatNeverBecomesActiveIsRecordedAsTimedOutWithExitSeven(Mode mode) throws Exception {
    scenario(mode, "provisioning-timed-out", "the request stays Accepted past --provisioning-timeout");
    emulator.hazards(emulator.hazards().withProvisioningDelay(Duration.ofHours(1)));

    CliProcess.Result r = machine().run(broker(mode, "--provisioning-timeout", "2s"));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.of(FailureKind.TIMED_OUT));
    assertThat(written(r.exitCode()).path("outcome").asText()).isEqualTo("TIMED_OUT");
    assertThat(emulator.leaks()).isEmpty();
  }

  @Test
  void aFailingCommandIsRecordedAsAnOperationFailureAndPassesOnItsExitCode() throws Exception {
    scenario(Mode.COMMAND, "command-fails", "the command exits 3");
    CliProcess.Result r = machine().run(broker(Mode.COMMAND, "--", "/bin/sh", "-c", "exit 3"));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    JsonNode rec = new ObjectMapper().readTree(record.toFile());
    assertThat(RecordSchema.errorsInJson(Files.readString(record))).isEmpty();
    assertThat(rec.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(rec.path("error").path("kind").asText()).isEqualTo("OPERATION_FAILED");
    assertThat(rec.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(emulator.leaks()).isEmpty();
    LEDGER.observed(scenarioId, fault, "exit 3 (the command's), FAILED", "OPERATION_FAILED", "REVOKED", 0,
        Files.readString(record), r.out(), r.err());
  }

  @Test
  void sigtermDuringTheCommandIsRevokedAndRecordedOnceWithExit143() throws Exception {
    scenario(Mode.COMMAND, "sigterm-during-command", "SIGTERM while the command runs");
    CliProcess.Running running = machine().start(broker(Mode.COMMAND, "--", "sleep", "120"));
    running.awaitErr("-> perform", 60);

    running.process().destroy();

    assertThat(running.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(running.err());
    assertThat(running.process().exitValue()).isEqualTo(143);
    JsonNode rec = written(running.process().exitValue());
    assertThat(rec.path("outcome").asText()).as(err).isEqualTo("CANCELLED");
    assertThat(rec.path("error").path("kind").asText()).as(err).isEqualTo("INTERRUPTED");
    assertThat(rec.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(err).containsOnlyOnce("-> revoke").containsOnlyOnce("ok revoke").containsOnlyOnce("-> record");
    assertThat(emulator.leaks()).isEmpty();
  }

  @Test
  void sigtermWhileAHeldElevationIsProvisionedIsRecordedAsCancelledOnceWithExit143() throws Exception {
    scenario(Mode.HELD, "sigterm-while-provisioning", "SIGTERM while the request is provisioned");
    emulator.hazards(emulator.hazards().withProvisioningDelay(Duration.ofHours(1)));
    CliProcess.Running running = machine().start(broker(Mode.HELD, "--provisioning-timeout", "5m"));
    running.awaitErr("waiting: ", 60);

    running.process().destroy();

    assertThat(running.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(running.err());
    JsonNode rec = written(running.process().exitValue());
    assertThat(rec.path("outcome").asText()).as(err).isEqualTo("CANCELLED");
    assertThat(rec.path("error").path("kind").asText()).isEqualTo("INTERRUPTED");
    assertThat(err).containsOnlyOnce("-> record");
    assertThat(emulator.leaks()).isEmpty();
  }

  @Test
  void aRevokeThatFailsAfterTheCommandIsRecordedWithExitNine() throws Exception {
    scenario(Mode.COMMAND, "revoke-fails", "503 on every attempt of the revoke");
    Path go = dir.resolve("go");
    CliProcess.Running running = machine().start(broker(Mode.COMMAND, "--", "/bin/sh", "-c",
        "while [ ! -f '" + go + "' ]; do sleep 0.1; done"));
    running.awaitErr("-> perform", 60);
    emulator.injectFault(FaultRule.status("PUT", "roleAssignmentScheduleRequests/", 503, EVERY_ATTEMPT));
    Files.writeString(go, "");

    assertThat(running.process().waitFor(110, TimeUnit.SECONDS)).isTrue();
    JsonNode rec = written(running.process().exitValue());
    assertThat(running.process().exitValue()).isEqualTo(ExitCodes.of(FailureKind.REVOKE_FAILED));
    assertThat(rec.path("revocation").path("status").asText()).isEqualTo("FAILED");
  }

  @Test
  void aHeldElevationWhoseRevokeFailsIsRecordedWithExitNine() throws Exception {
    scenario(Mode.HELD, "revoke-fails", "503 on every attempt of jit-elevate revoke");
    CliProcess.Result held = machine().run(broker(Mode.HELD));
    assertThat(held.exitCode()).as(held.err()).isZero();
    emulator.injectFault(FaultRule.status("PUT", "roleAssignmentScheduleRequests/", 503, EVERY_ATTEMPT));

    revoke(ExitCodes.of(FailureKind.REVOKE_FAILED));

    JsonNode rec = written(ExitCodes.of(FailureKind.REVOKE_FAILED));
    assertThat(rec.path("revocation").path("status").asText()).isEqualTo("FAILED");
    assertThat(rec.path("error").path("kind").asText()).isEqualTo("REVOKE_FAILED");
  }

  private void revoke(int expectedExit) throws Exception {
    List<String> args = new ArrayList<>(List.of("revoke", "--handle", dir.resolve("handle.json").toString(),
        "--record-out", record.toString()));
    args.addAll(brokerSignIn());
    CliProcess.Result r = machine().run(args);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(expectedExit);
  }
}
