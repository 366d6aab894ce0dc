package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} through the jar shows the four kinds at once: an activated directory role (held by an earlier
 * {@code elevate}), an Azure role request waiting for Bob, the demo's eligibilities, and a role assignment the
 * rbac strategy left behind with an expiry that has passed.
 */
class StatusFourKindsIT {
  static final String ALICE = "alice@contoso-emu.onmicrosoft.com";
  static final String ALICE_ID = "a11ce000-0000-4000-8000-000000000001";
  static final String SUBSCRIPTION = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  @TempDir
  Path dir;
  PimEmulator emulator;
  Path profile;

  @BeforeEach
  void start() throws Exception {
    ObjectNode demo;
    try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/demo.json")) {
      demo = (ObjectNode) new ObjectMapper().readTree(in);
    }
    ((ArrayNode) demo.path("arm").path("roleAssignments")).addObject().put("principalId", ALICE_ID)
        .put("role", "Reader").put("scope", SUBSCRIPTION + "/resourceGroups/rg-data")
        .put("description", "jit-elevate:expires=2026-01-01T10:00:00Z;run=4711");
    // ARM authorises a role assignment list at its scope: status lists leftovers from the tenant root, so Alice
    // needs read there (without it, status warns and lists the rest: GraphStatusIT)
    ((ArrayNode) demo.path("arm").path("roleAssignments")).addObject().put("principalId", ALICE_ID)
        .put("role", "Reader").put("scope", "/");
    Path scenario = Files.writeString(dir.resolve("scenario.json"), demo.toString());
    emulator = PimEmulator.builder().scenario(Scenario.file(scenario)).hazards(Hazards.none()
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
    all.addAll(List.of("--auth", "device-code", "--client-id", PersonSignInIT.PUBLIC_CLIENT, "--cloud-profile",
        profile.toString(), "--token-cache", "memory"));
    return all;
  }

  @Test
  void statusShowsActivePendingEligibleAndLeftoversOnAllSurfaces() throws Exception {
    CliProcess.Result held = cli().run(signIn("elevate", "--target", "directory-role", "--role", "User Administrator",
        "--duration", "30m", "--justification", "onboarding the new team", "--minimum-active-duration", "1s"));
    assertThat(held.exitCode()).as(held.all()).isZero();
    List<String> contributor = signIn("elevate", "--target", "azure-role", "--role", "Contributor", "--scope",
        SUBSCRIPTION, "--duration", "1h", "--justification", "incident 4711", "--ticket-number", "INC-4711",
        "--ticket-system", "Jira", "--minimum-active-duration", "1s");
    contributor.addAll(List.of("--", "true"));
    CliProcess.Running waiting = cli().start(contributor);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (emulator.pendingApprovals().isEmpty()) {
      assertThat(System.nanoTime()).as("the Contributor request waits for approval").isLessThan(until);
      assertThat(waiting.process().isAlive()).as(Files.readString(waiting.err())).isTrue();
      Thread.sleep(200);
    }

    CliProcess.Result json = cli().run(signIn("status", "--json"));
    assertThat(json.exitCode()).as(json.all()).isZero();
    JsonNode status = new ObjectMapper().readTree(json.out());
    assertThat(status.path("active")).anySatisfy(a -> {
      assertThat(a.path("surface").asText()).isEqualTo("directory");
      assertThat(a.path("role").asText()).isEqualTo("User Administrator");
      assertThat(a.path("assignmentType").asText()).isEqualTo("Activated");
      assertThat(a.path("end").asText()).isNotEmpty();
    });
    assertThat(status.path("pending")).singleElement().satisfies(p -> {
      assertThat(p.path("surface").asText()).isEqualTo("arm");
      assertThat(p.path("role").asText()).isEqualTo("Contributor");
      assertThat(p.path("duration").asText()).isEqualTo("PT1H");
      assertThat(p.path("approvers").toString()).contains("Bob Approver", "b0b00000-0000-4000-8000-000000000002");
    });
    assertThat(status.path("eligible")).extracting(e -> e.path("surface").asText())
        .contains("arm", "directory", "group");
    assertThat(status.path("rbacLeftovers")).singleElement().satisfies(l -> {
      assertThat(l.path("role").asText()).isEqualTo("Reader");
      assertThat(l.path("markedExpiry").asText()).isEqualTo("2026-01-01T10:00:00Z");
      assertThat(l.path("expired").asBoolean()).isTrue();
    });

    CliProcess.Result text = cli().run(signIn("status"));
    assertThat(text.exitCode()).as(text.all()).isZero();
    assertThat(text.out()).contains("Active (", "activated through PIM", "Pending approval (1)", "approvers: Bob Approver",
        "Eligible (", "rbac leftovers (1)", "expired 2026-01-01T10:00:00Z: 'jit-elevate sweep' removes it");
    waiting.process().destroy();
    waiting.process().waitFor(60, TimeUnit.SECONDS);
  }
}
