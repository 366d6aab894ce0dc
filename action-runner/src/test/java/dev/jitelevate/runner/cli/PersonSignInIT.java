package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.entra.SignIns;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person at a terminal: {@code jit-elevate} processes sign in as a scenario user through the unmodified SDK's
 * device code flow (which the emulator completes by itself), and the emulator's sign-in log shows exactly one
 * interactive sign-in per command, although each command needs tokens issued after the activation.
 */
public class PersonSignInIT {
  public static final String PUBLIC_CLIENT = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
  static final String ALICE = "alice@contoso-emu.onmicrosoft.com";
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
    emulator.signIns().completeDeviceCodesAs(ALICE);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  CliProcess cli() {
    return new CliProcess().env("HOME", dir.toString()).env("XDG_CONFIG_HOME", dir.resolve("config").toString());
  }

  List<String> signIn(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--auth", "device-code", "--client-id", PUBLIC_CLIENT, "--cloud-profile", profile.toString(),
        "--minimum-active-duration", "1s", "--token-cache", "memory"));
    return all;
  }

  long interactive() {
    return emulator.signIns().interactive().size();
  }

  @Test
  void elevatingToADirectoryRoleAndRevokingItAsksForOneSignInEach() throws Exception {
    CliProcess.Result held = cli().run(signIn("elevate", "--target", "directory-role", "--role", "User Administrator",
        "--duration", "30m", "--justification", "onboarding the new team"));
    assertThat(held.exitCode()).as(held.all()).isZero();
    assertThat(interactive()).isEqualTo(1);
    assertThat(emulator.signIns().all()).extracting(SignIns.Entry::grant).contains(SignIns.Grant.REFRESH_TOKEN);

    Matcher hint = Pattern.compile("jit-elevate (revoke --handle .*)").matcher(held.out());
    assertThat(hint.find()).as(held.out()).isTrue();
    assertThat(hint.group(1)).contains("--auth device-code", "--client-id " + PUBLIC_CLIENT, "--token-cache memory");
    CliProcess.Result revoked = cli().run(List.of(hint.group(1).split(" ")));
    assertThat(revoked.exitCode()).as(revoked.all()).isZero();
    assertThat(interactive()).isEqualTo(2);
    assertThat(emulator.leaks()).isEmpty();
  }

  @Test
  void aRoleBehindAnAuthenticationContextFailsWithTheRealErrorWithoutStepUpAndSucceedsWithExactlyOne() throws Exception {
    emulator.close();
    com.fasterxml.jackson.databind.node.ObjectNode scenario = Scenario.demo().root().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) scenario.path("directory").path("policies").get(0))
        .put("authenticationContext", "c1");
    emulator = PimEmulator.builder().scenario(new Scenario(scenario)).hazards(Hazards.none()
        .withProvisioningDelay(Duration.ofMillis(200)).withPropagationDelay(Duration.ofMillis(300))
        .withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    profile = emulator.writeProfile(dir.resolve("profile-c1.json"));
    emulator.signIns().completeDeviceCodesAs(ALICE);
    List<String> elevate = List.of("elevate", "--target", "directory-role", "--role", "User Administrator",
        "--duration", "30m", "--justification", "onboarding the new team");

    List<String> refusedArgs = new ArrayList<>(signIn(elevate.toArray(String[]::new)));
    refusedArgs.add("--no-step-up");
    CliProcess.Result refused = cli().run(refusedArgs);
    assertThat(refused.exitCode()).as(refused.all()).isNotZero();
    assertThat(refused.all()).contains("RoleAssignmentRequestAcrsValidationFailed", "AuthenticationContextRule", "'c1'");
    assertThat(interactive()).isEqualTo(1);

    CliProcess.Result held = cli().run(signIn(elevate.toArray(String[]::new)));
    assertThat(held.exitCode()).as(held.all()).isZero();
    assertThat(held.all()).contains("authentication context 'c1'");
    assertThat(interactive()).as("one sign-in for the command and exactly one step-up").isEqualTo(3);
  }

  @Test
  void statusAsksForOneSignIn() throws Exception {
    CliProcess.Result status = cli().run(signIn("status"));
    assertThat(status.exitCode()).as(status.all()).isZero();
    assertThat(status.out()).contains("User Administrator");
    assertThat(interactive()).isEqualTo(1);
  }

  @Test
  void withoutAKeyringThePersistentCacheSaysSoOnceAndStillSignsInOnce() throws Exception {
    List<String> args = signIn("status");
    args.subList(args.size() - 2, args.size()).clear();
    CliProcess.Result status = cli().run(args);
    assertThat(status.exitCode()).as(status.all()).isZero();
    assertThat(interactive()).isEqualTo(1);
    if (!dir.resolve("config/jit-elevate/account-" + PUBLIC_CLIENT + ".json").toFile().exists()) {
      assertThat(status.err()).containsOnlyOnce("cannot be kept across commands");
    }
  }

  @Test
  void theAzureCliSignInRefusesADirectoryRoleAtOnceNamingTheSignInToUse() throws Exception {
    CliProcess.Result refused = cli().run("elevate", "--target", "group", "--group", "grp-prod-admins",
        "--justification", "incident 42", "--cloud-profile", profile.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("--auth azure-cli cannot prove a group activation", "--auth device-code");
    assertThat(emulator.journal()).isEmpty();
  }
}
