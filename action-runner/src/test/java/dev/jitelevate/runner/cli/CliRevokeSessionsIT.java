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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --revoke-sessions}: after the revoke, Alice's sign-in sessions are revoked through Graph, the record's
 * exposure section says so (and that access tokens already issued still live until the time it gives), and the
 * emulator refuses her earlier refresh tokens from then on. A service principal has no sessions to revoke.
 */
class CliRevokeSessionsIT {
  static final String ALICE_ID = "a11ce000-0000-4000-8000-000000000001";
  @TempDir
  Path dir;
  PimEmulator emulator;
  Path profile;
  Path record;

  @BeforeEach
  void start() {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).hazards(Hazards.none()
        .withProvisioningDelay(Duration.ofMillis(200)).withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    profile = emulator.writeProfile(dir.resolve("profile.json"));
    record = dir.resolve("record.json");
    emulator.signIns().completeDeviceCodesAs(PersonSignInIT.ALICE);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  List<String> aliceElevates(String... more) {
    List<String> args = new ArrayList<>(List.of("elevate", "--target", "azure-role", "--role", DemoWorld.ROLE, "--scope",
        DemoWorld.SCOPE, "--duration", "30m", "--justification", "rotate the payments password", "--record-out",
        record.toString(), "--auth", "device-code", "--client-id", PersonSignInIT.PUBLIC_CLIENT, "--cloud-profile",
        profile.toString(), "--minimum-active-duration", "1s", "--token-cache", "memory"));
    args.addAll(List.of(more));
    return args;
  }

  CliProcess alice() {
    return new CliProcess().env("HOME", dir.toString()).env("XDG_CONFIG_HOME", dir.resolve("config").toString());
  }

  @Test
  void aUsersSessionsAreRevokedAfterTheElevationAndTheRecordSaysWhatThatDoesNotEnd() throws Exception {
    CliProcess.Result r = alice().run(aliceElevates("--revoke-sessions", "--", "true"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(RecordSchema.errorsInJson(Files.readString(record))).isEmpty();
    JsonNode json = new ObjectMapper().readTree(record.toFile());
    assertThat(json.path("revocation").path("status").asText()).isEqualTo("REVOKED");
    JsonNode sessions = json.path("exposure").path("sessionsRevoked");
    assertThat(sessions.path("status").asText()).isEqualTo("REVOKED");
    assertThat(sessions.path("userId").asText()).isEqualTo(ALICE_ID);
    assertThat(json.path("exposure").path("explanation").asText())
        .contains("refresh tokens issued before are refused", "access tokens already issued stay valid until their exp");
    assertThat(emulator.journal()).anyMatch(j -> j.method().equals("POST") && j.path().endsWith("/users/" + ALICE_ID
        + "/revokeSignInSessions") && j.status() == 200);
    assertThat(emulator.journal().stream().filter(j -> j.path().endsWith("/revokeSignInSessions")).findFirst().get().at())
        .as("the sessions are revoked after the elevation").isAfter(java.time.Instant.parse(json.path("timeline").path("revoked").asText()));
    assertThat(emulator.signInSessions().validFrom(ALICE_ID)).isPresent();
    assertThat(r.err()).contains("Sessions:   sign-in sessions of " + ALICE_ID + " revoked");
    assertThat(emulator.leaks()).isEmpty();
  }

  @Test
  void aServicePrincipalHasNoSessionsToRevokeAndTheRecordSaysNothingOfThem() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), emulator.github().idToken(DemoWorld.FEDERATION_AUDIENCE));
    CliProcess.Result r = new CliProcess().env("AZURE_TENANT_ID", emulator.tenantId()).env("AZURE_CLIENT_ID", DemoWorld.CI_APP_ID)
        .env("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString()).env(Env.BROKER_SECRET, DemoWorld.BROKER_SECRET)
        .run("elevate", "--strategy", "broker", "--broker-client-id", DemoWorld.BROKER_APP_ID, "--auth", "environment",
            "--cloud-profile", profile.toString(), "--minimum-active-duration", "1s", "--target", "azure-role", "--role",
            DemoWorld.ROLE, "--scope", DemoWorld.SCOPE, "--duration", "30m", "--justification", "rotate",
            "--record-out", record.toString(), "--revoke-sessions", "--", "true");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("is not a user");
    assertThat(new ObjectMapper().readTree(record.toFile()).path("exposure").has("sessionsRevoked")).isFalse();
    assertThat(emulator.journal()).noneMatch(j -> j.path().endsWith("/revokeSignInSessions"));
  }

  @Test
  void aHeldElevationRefusesRevokeSessionsNamingWhereItBelongs() throws Exception {
    CliProcess.Result r = alice().run(aliceElevates("--revoke-sessions"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--revoke-sessions", "jit-elevate revoke").doesNotContain("\tat ");
    assertThat(emulator.journal()).isEmpty();
  }
}
