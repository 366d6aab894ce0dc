package dev.jitelevate.runner.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.cli.PersonSignInIT;
import dev.jitelevate.runner.cli.TestCli;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people, two processes: Alice's {@code elevate} waits for approval while Bob lists the request with
 * {@code approvals list} and approves or denies it, on Azure roles, directory roles and PIM for Groups; Alice's command then runs or
 * ends denied.
 */
class ApprovalsRoundTripIT {
  static final String ALICE = "alice@contoso-emu.onmicrosoft.com";
  static final String BOB = "bob@contoso-emu.onmicrosoft.com";
  static final String BOB_ID = "b0b00000-0000-4000-8000-000000000002";
  static final String SUBSCRIPTION = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  @TempDir
  Path dir;
  PimEmulator emulator;
  Path profile;

  @BeforeEach
  void start() throws Exception {
    emulator = PimEmulator.builder().scenario(scenario(demo -> { })).hazards(Hazards.none()
        .withProvisioningDelay(Duration.ofMillis(200)).withPropagationDelay(Duration.ofMillis(300))
        .withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    profile = emulator.writeProfile(dir.resolve("profile.json"));
  }

  /** The demo tenant with Bob approving User Administrator and grp-prod-admins, plus a test's own change. */
  Scenario scenario(Consumer<ObjectNode> change) throws Exception {
    ObjectNode demo;
    try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/demo.json")) {
      demo = (ObjectNode) new ObjectMapper().readTree(in);
    }
    ObjectNode groupPolicy = (ObjectNode) demo.path("pimGroups").path("policies").get(0);
    groupPolicy.put("requireApproval", true).putArray("approvers").add(BOB_ID);
    ObjectNode userAdminPolicy = (ObjectNode) demo.path("directory").path("policies").get(0);
    userAdminPolicy.put("requireApproval", true).putArray("approvers").add(BOB_ID);
    change.accept(demo);
    return Scenario.file(Files.writeString(Files.createTempFile(dir, "scenario", ".json"), demo.toString()));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  List<String> as(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--auth", "device-code", "--client-id", PersonSignInIT.PUBLIC_CLIENT, "--cloud-profile",
        profile.toString(), "--token-cache", "memory"));
    return all;
  }

  List<String> request(String surface) {
    List<String> args = new ArrayList<>(List.of("elevate", "--duration", "30m", "--justification", "incident 4711",
        "--minimum-active-duration", "1s", "--target", surface));
    args.addAll(switch (surface) {
      case "azure-role" -> List.of("--role", "Contributor", "--scope", SUBSCRIPTION, "--ticket-number", "INC-4711",
          "--ticket-system", "Jira");
      case "directory-role" -> List.of("--role", "User Administrator");
      default -> List.of("--group", "grp-prod-admins");
    });
    List<String> all = as(args.toArray(String[]::new));
    all.addAll(List.of("--", "true"));
    return all;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"azure-role, approve", "azure-role, deny", "directory-role, approve", "directory-role, deny",
      "group, approve", "group, deny"})
  void bobDecidesAliceRequestFromAnotherProcess(String surface, String decision) throws Exception {
    emulator.signIns().completeDeviceCodesAs(ALICE);
    TestCli.Running alice = TestCli.start(dir, request(surface));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (emulator.pendingApprovals().isEmpty()) {
      assertThat(System.nanoTime()).as("Alice's request waits for approval").isLessThan(until);
      assertThat(alice.process().isAlive()).as(alice.err()).isTrue();
      Thread.sleep(200);
    }
    emulator.signIns().completeDeviceCodesAs(BOB);

    TestCli.Result listed = TestCli.run(dir, as("approvals", "list", "--json"));
    assertThat(listed.exitCode()).as(listed.all()).isZero();
    JsonNode pending = new ObjectMapper().readTree(listed.out());
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).path("surface").asText()).isEqualTo(surface);
    assertThat(pending.get(0).path("requester").asText()).isEqualTo("a11ce000-0000-4000-8000-000000000001");
    assertThat(pending.get(0).path("justification").asText()).contains("incident 4711");

    TestCli.Result decided = TestCli.run(dir, as("approvals", decision, pending.get(0).path("requestId").asText(),
        "--reason", "on call, checked " + decision));
    assertThat(decided.exitCode()).as(decided.all()).isZero();
    assertThat(alice.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(alice.process().exitValue()).as(alice.err()).isEqualTo(decision.equals("approve") ? 0 : 6);
    assertThat(emulator.leaks()).isEmpty();
  }

  @Test
  void theRequesterSeesNothingToApproveAndCannotApproveHerOwnRequest() throws Exception {
    emulator.signIns().completeDeviceCodesAs(ALICE);
    TestCli.Running alice = TestCli.start(dir, request("group"));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (emulator.pendingApprovals().isEmpty()) {
      assertThat(System.nanoTime()).isLessThan(until);
      Thread.sleep(200);
    }
    TestCli.Result self = TestCli.run(dir, as("approvals", "list", "--json"));
    assertThat(self.exitCode()).as(self.all()).isZero();
    assertThat(new ObjectMapper().readTree(self.out())).isEmpty();
    String requestId = emulator.pendingApprovals().get(0).toString();
    TestCli.Result refused = TestCli.run(dir, as("approvals", "approve", "any-id", "--reason", "self"));
    assertThat(refused.exitCode()).isEqualTo(4);
    assertThat(refused.err()).contains("No request waits for your approval");
    assertThat(requestId).isNotBlank();
    alice.process().destroy();
    alice.process().waitFor(60, TimeUnit.SECONDS);
  }

  @Test
  void anApproverEligibleForTheSameDirectoryRoleIsRefused() throws Exception {
    emulator.loadScenario(scenario(demo -> ((ArrayNode) demo.path("directory").path("eligibilities")).addObject()
        .put("principalId", BOB_ID).put("role", "User Administrator").put("directoryScopeId", "/")));
    emulator.signIns().completeDeviceCodesAs(ALICE);
    TestCli.Running alice = TestCli.start(dir, request("directory-role"));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (emulator.pendingApprovals().isEmpty()) {
      assertThat(System.nanoTime()).as("Alice's request waits for approval").isLessThan(until);
      assertThat(alice.process().isAlive()).as(alice.err()).isTrue();
      Thread.sleep(200);
    }
    emulator.signIns().completeDeviceCodesAs(BOB);
    String requestId = emulator.pendingApprovals().get(0).requestId();
    TestCli.Result refused = TestCli.run(dir, as("approvals", "approve", requestId, "--reason", "looks fine"));
    assertThat(refused.exitCode()).as(refused.all()).isEqualTo(4);
    assertThat(refused.err()).contains("ApproverNotIndependent").contains("eligible for or hold this role yourself");
    assertThat(emulator.pendingApprovals()).hasSize(1);
    alice.process().destroy();
    alice.process().waitFor(60, TimeUnit.SECONDS);
  }
}
