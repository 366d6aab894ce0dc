package dev.jitelevate.runner.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.cli.TestCli;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auto-approver in a process of its own, as Bob: Alice's Contributor request is inside the policy and is
 * approved (her command runs); her group request is not and stays pending for people, with one notice to a
 * local webhook receiver; both decisions are written as JSON lines.
 */
class ApprovalsWatchIT {
  static final String SECRET_PATH = "/services/T0001/B0001/hook-secret-5f2c";
  static final String POLICY = """
      version: 1
      rules:
        - name: contributor-on-production
          surface: azure-role
          roles: [Contributor]
          scopes: [/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12]
          maxDuration: 1h
          ticketPattern: "INC-[0-9]+"
      """;
  @TempDir
  Path dir;
  PimEmulator emulator;
  HttpServer receiver;
  final List<String> notices = new CopyOnWriteArrayList<>();
  ApprovalsRoundTripIT people = new ApprovalsRoundTripIT();

  @BeforeEach
  void start() throws Exception {
    ObjectNode demo;
    try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/demo.json")) {
      demo = (ObjectNode) new ObjectMapper().readTree(in);
    }
    ((ObjectNode) demo.path("pimGroups").path("policies").get(0)).put("requireApproval", true)
        .putArray("approvers").add(ApprovalsRoundTripIT.BOB_ID);
    emulator = PimEmulator.builder().scenario(Scenario.file(Files.writeString(dir.resolve("scenario.json"),
        demo.toString()))).hazards(Hazards.none().withProvisioningDelay(Duration.ofMillis(200))
        .withPropagationDelay(Duration.ofMillis(300)).withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    people.dir = dir;
    people.emulator = emulator;
    people.profile = emulator.writeProfile(dir.resolve("profile.json"));
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(SECRET_PATH, exchange -> {
      notices.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    emulator.close();
  }

  @Test
  void approvesTheInPolicyRequestAndLeavesTheOtherForPeople() throws Exception {
    emulator.signIns().completeDeviceCodesAs(ApprovalsRoundTripIT.ALICE);
    TestCli.Running contributor = TestCli.start(dir, people.request("azure-role"));
    TestCli.Running group = TestCli.start(dir, people.request("group"));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (emulator.pendingApprovals().size() < 2) {
      assertThat(System.nanoTime()).as("both requests wait for approval").isLessThan(until);
      assertThat(contributor.process().isAlive()).as(contributor.err()).isTrue();
      assertThat(group.process().isAlive()).as(group.err()).isTrue();
      Thread.sleep(200);
    }
    emulator.signIns().completeDeviceCodesAs(ApprovalsRoundTripIT.BOB);
    Path policy = Files.writeString(dir.resolve("approvals.yml"), POLICY);
    Path decisions = dir.resolve("decisions.jsonl");
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + SECRET_PATH;

    TestCli.Result watch = TestCli.run(dir, Map.of("APPROVALS_WEBHOOK", hook), people.as("approvals", "watch",
        "--policy", policy.toString(), "--decisions", decisions.toString(), "--once",
        "--notify-webhook-env", "APPROVALS_WEBHOOK"));

    assertThat(watch.exitCode()).as(watch.all()).isZero();
    assertThat(watch.all()).doesNotContain("hook-secret-5f2c");
    assertThat(contributor.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(contributor.process().exitValue()).as(contributor.err()).isZero();
    assertThat(emulator.pendingApprovals()).singleElement()
        .satisfies(p -> assertThat(p.surface()).containsIgnoringCase("group"));
    List<JsonNode> lines = Files.readAllLines(decisions).stream().map(ApprovalsWatchIT::json).toList();
    assertThat(lines).extracting(l -> l.path("surface").asText() + ":" + l.path("decision").asText())
        .containsExactlyInAnyOrder("azure-role:approved", "group:left-pending");
    assertThat(lines).filteredOn(l -> l.path("decision").asText().equals("approved")).singleElement()
        .satisfies(l -> {
          assertThat(l.path("rule").asText()).isEqualTo("contributor-on-production");
          assertThat(l.path("ticket").asText()).isEqualTo("INC-4711");
          assertThat(l.path("approver").asText()).isEqualTo(ApprovalsRoundTripIT.BOB_ID);
        });
    assertThat(notices).singleElement().satisfies(n -> {
      assertThat(json(n).path("text").asText()).contains("1 PIM request waits", "group");
      assertThat(n).doesNotContain("incident 4711", "hook-secret");
    });
    group.process().destroy();
    group.process().waitFor(60, TimeUnit.SECONDS);
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(text, e);
    }
  }
}
