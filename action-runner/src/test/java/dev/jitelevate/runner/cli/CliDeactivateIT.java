package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.ExitCodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A person (Alice, device code) through the jar on each surface: a second {@code elevate} of what she already
 * holds is reported at once and used without revoking it; {@code deactivate} ends it by target or by handle,
 * refuses when nothing is active, and inside the minimum active duration says when it can be deactivated.
 */
class CliDeactivateIT {
  static final String KEY_VAULT = "azure-role:" + DemoWorld.ROLE + "@" + DemoWorld.SCOPE;
  @TempDir
  Path dir;
  PimEmulator emulator;
  Path profile;

  @BeforeEach
  void start() {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).hazards(Hazards.none()
        .withProvisioningDelay(Duration.ofMillis(200)).withPropagationDelay(Duration.ofMillis(300))
        .withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    profile = emulator.writeProfile(dir.resolve("profile.json"));
    emulator.signIns().completeDeviceCodesAs(StatusFourKindsIT.ALICE);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private CliProcess.Result run(String... args) throws Exception {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    int end = all.contains("--") ? all.indexOf("--") : all.size(); // sign-in options go before the command
    List<String> signIn = new ArrayList<>(List.of("--auth", "device-code", "--client-id", PersonSignInIT.PUBLIC_CLIENT,
        "--cloud-profile", profile.toString(), "--token-cache", "memory"));
    if (!all.contains("--minimum-active-duration")) {
      signIn.addAll(List.of("--minimum-active-duration", "1s"));
    }
    all.addAll(end, signIn);
    return new CliProcess().env("HOME", dir.toString()).run(all);
  }

  private CliProcess.Result hold(String target, Path handle) throws Exception {
    return run("elevate", "--target", target, "--duration", "30m", "--justification", "on call",
        "--handle-out", handle.toString(), "--record-out", dir.resolve("record-" + handle.getFileName()).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {KEY_VAULT, "directory-role:User Administrator", "group:member@grp-prod-admins"})
  void aSecondElevateIsReportedAtOnceAndDeactivateByTargetEndsTheFirst(String target) throws Exception {
    CliProcess.Result first = hold(target, dir.resolve("first.json"));
    assertThat(first.exitCode()).as(first.all()).isZero();
    assertThat(emulator.leaks()).hasSize(1);

    CliProcess.Result second = run("elevate", "--target", target, "--duration", "30m", "--justification", "again",
        "--record-out", dir.resolve("second-record.json").toString(), "--", "true");

    assertThat(second.exitCode()).as(second.all()).isZero();
    assertThat(second.err()).contains("already active until", "granted by").doesNotContain("waiting until");
    JsonNode record = new ObjectMapper().readTree(dir.resolve("second-record.json").toFile());
    assertThat(record.path("revocation").path("status").asText()).isEqualTo("PRE_EXISTING");
    assertThat(emulator.leaks()).as("the first elevation, not revoked by the second run").hasSize(1);

    CliProcess.Result ended = run("deactivate", "--target", target, "--json");

    assertThat(ended.exitCode()).as(ended.all()).isZero();
    JsonNode json = new ObjectMapper().readTree(ended.out());
    assertThat(json.path("record").path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(json.path("record").path("justification").asText()).as("deactivate asks for nothing: no justification")
        .isEmpty();
    assertThat(json.path("record").has("ticket")).isFalse();
    assertThat(emulator.leaks()).isEmpty();

    CliProcess.Result nothing = run("deactivate", "--target", target);

    assertThat(nothing.exitCode()).as(nothing.all()).isEqualTo(ExitCodes.of(FailureKind.INVALID_REQUEST));
    assertThat(nothing.err()).contains("Nothing is active for", "nothing to deactivate").doesNotContain("\tat ");
  }

  @ParameterizedTest
  @ValueSource(strings = {KEY_VAULT, "directory-role:User Administrator", "group:member@grp-prod-admins"})
  void deactivateByHandleEndsTheElevationAndSaysWhenItIsTooEarly(String target) throws Exception {
    Path handle = dir.resolve("held.json");
    CliProcess.Result held = hold(target, handle);
    assertThat(held.exitCode()).as(held.all()).isZero();

    CliProcess.Result early = run("deactivate", "--target", target, "--no-wait", "--minimum-active-duration", "10m");

    assertThat(early.exitCode()).as(early.all()).isEqualTo(ExitCodes.of(FailureKind.INVALID_REQUEST));
    assertThat(early.err()).contains("can be deactivated from", "--no-wait");
    assertThat(emulator.leaks()).as("nothing was deactivated").hasSize(1);

    CliProcess.Result ended = run("deactivate", "--handle", handle.toString(), "--json");

    assertThat(ended.exitCode()).as(ended.all()).isZero();
    JsonNode json = new ObjectMapper().readTree(ended.out());
    assertThat(json.path("record").path("revocation").path("status").asText()).isEqualTo("REVOKED");
    assertThat(emulator.leaks()).isEmpty();
  }
}
