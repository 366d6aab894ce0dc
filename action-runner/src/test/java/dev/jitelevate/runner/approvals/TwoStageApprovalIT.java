package dev.jitelevate.runner.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.TicketInfo;
import dev.jitelevate.core.testing.EmulatorExtension;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contributor at the subscription under a policy of two serial approval stages, Bob's then Carol's, through the
 * real client paths against the embedded emulator: Alice's elevation waits while each approver decides the stage
 * that is theirs at their approval desk (the runner's REST calls as that signed-in user).
 */
class TwoStageApprovalIT {
  static final String SUB_SCOPE = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
  static final String BOB = "b0b00000-0000-4000-8000-000000000002";
  static final String CAROL = "ca201000-0000-4000-8000-000000000003";
  static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
  private PimEmulator emulator;
  private CloudProfile cloud;
  private HttpClient http;
  private final List<ElevationEvent> events = new CopyOnWriteArrayList<>();
  private final ExecutorService requester = Executors.newSingleThreadExecutor();

  @BeforeEach
  void start() {
    ObjectNode root = Scenario.demo().root().deepCopy();
    ((ArrayNode) root.get("users")).addObject().put("id", CAROL).put("userPrincipalName", "carol@contoso-emu.onmicrosoft.com")
        .put("displayName", "Carol Second Approver").put("password", "demo-carol-pw-2b7d").put("mfa", true);
    twoStages(root.path("arm").path("policies"), "Contributor");
    twoStages(root.path("directory").path("policies"), "Privileged Role Administrator");
    emulator = PimEmulator.builder().scenario(new Scenario(root).withPageSize(2))
        .hazards(Hazards.none().withProvisioningDelay(Duration.ofMillis(150)).withMinimumActiveDuration(Duration.ofMillis(700)))
        .start();
    cloud = CloudProfile.parse(emulator.profileJson());
    http = EmulatorExtension.trusting(emulator);
  }

  /** Bob's stage, then Carol's, on the named role's policy. */
  private static void twoStages(com.fasterxml.jackson.databind.JsonNode policies, String role) {
    for (var policy : policies) {
      if (policy.path("role").asText().equals(role)) {
        ObjectNode p = (ObjectNode) policy;
        p.remove("approvers");
        ArrayNode stages = p.putArray("approvalStages");
        stages.addObject().putArray("approvers").add(BOB);
        stages.addObject().putArray("approvers").add(CAROL);
      }
    }
  }

  @AfterEach
  void stop() {
    requester.shutdownNow();
    emulator.close();
  }

  private TokenCredential user(String upn, String password) {
    return new UsernamePasswordCredentialBuilder().tenantId(emulator.tenantId()).clientId(AZURE_CLI).username(upn)
        .password(password).authorityHost(emulator.baseUrl()).disableInstanceDiscovery().httpClient(http).build();
  }

  private ApprovalDesk deskOf(TokenCredential me) {
    return new ApprovalDesk(new RestCalls(http, me, cloud.resourceManagerEndpoint(), cloud.resourceManagerAudience()),
        new RestCalls(http, me, cloud.graphEndpoint(), cloud.graphAudience()));
  }

  private Future<ElevationOutcome> aliceAsksForContributor() {
    return aliceAsks(ElevationRequest.builder().azureRole("Contributor", SUB_SCOPE)
        .ticket(new TicketInfo("INC-4711", "ServiceNow")));
  }

  private Future<ElevationOutcome> aliceAsks(ElevationRequest.Builder target) {
    Elevator elevator = Elevator.builder().cloud(cloud).tenantId(emulator.tenantId())
        .polling(PollingPolicy.defaults().withIntervals(Duration.ofMillis(50), Duration.ofMillis(200)).withMaxRetries(4)
            .withMinimumActiveDuration(Duration.ofMillis(700)))
        .listener(events::add)
        .identity(Credentials.of(() -> user("alice@contoso-emu.onmicrosoft.com", "demo-alice-pw-4d2a"))).build();
    ElevationRequest request = target.strategy(Strategy.SELF)
        .duration(Duration.ofHours(1)).justification("hotfix for the payments outage").approvalTimeout(Duration.ofSeconds(60))
        .provisioningTimeout(Duration.ofSeconds(10)).propagationTimeout(Duration.ofSeconds(10)).build();
    return requester.submit(() -> elevator.run(request, context -> { }));
  }

  private static PendingApproval waitFor(ApprovalDesk desk) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<PendingApproval> pending = desk.pending();
      if (!pending.isEmpty()) {
        return pending.get(0);
      }
      assertThat(System.nanoTime()).as("a request waits at the desk").isLessThan(until);
      Thread.sleep(100);
    }
  }

  private boolean waitingForApprovalSince(int index) {
    return events.subList(index, events.size()).stream()
        .anyMatch(e -> e instanceof ElevationEvent.Waiting w && w.status().contains("PendingApproval"));
  }

  @Test
  void eachApproverDecidesTheirOwnStageAndTheRequesterWaitsUntilTheLastOne() throws Exception {
    ApprovalDesk bob = deskOf(user("bob@contoso-emu.onmicrosoft.com", "demo-bob-pw-8c1f"));
    ApprovalDesk carol = deskOf(user("carol@contoso-emu.onmicrosoft.com", "demo-carol-pw-2b7d"));
    Future<ElevationOutcome> alice = aliceAsksForContributor();

    PendingApproval first = waitFor(bob);
    assertThat(carol.pending()).as("stage 2 is nobody's until stage 1 is approved").isEmpty();
    assertThatThrownBy(() -> carol.decide(first, CAROL, true, "too early"))
        .isInstanceOf(ApprovalException.class).hasMessageContaining("assigned to other approvers");
    bob.decide(first, BOB, true, "stage one: change is booked");

    int afterStageOne = events.size();
    PendingApproval second = waitFor(carol);
    assertThat(second.requestId()).isEqualTo(first.requestId());
    assertThat(bob.pending()).as("Bob's stage is done").isEmpty();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!waitingForApprovalSince(afterStageOne)) {
      assertThat(System.nanoTime()).as("the requester still reports the request pending").isLessThan(until);
      Thread.sleep(50);
    }
    assertThat(alice.isDone()).as("Alice is not elevated after one stage of two").isFalse();

    carol.decide(second, CAROL, true, "stage two: on call agrees");

    ElevationOutcome outcome = alice.get(60, TimeUnit.SECONDS);
    assertThat(outcome.failure()).isEmpty();
    assertThat(emulator.pendingApprovals()).isEmpty();
    assertThat(emulator.leaks()).isEmpty();
  }

  @Test
  void aDenialAtTheSecondStageDeniesTheRequesterAfterTheFirstWasApproved() throws Exception {
    ApprovalDesk bob = deskOf(user("bob@contoso-emu.onmicrosoft.com", "demo-bob-pw-8c1f"));
    ApprovalDesk carol = deskOf(user("carol@contoso-emu.onmicrosoft.com", "demo-carol-pw-2b7d"));
    Future<ElevationOutcome> alice = aliceAsksForContributor();

    bob.decide(waitFor(bob), BOB, true, "stage one fine");
    carol.decide(waitFor(carol), CAROL, false, "not during the freeze");

    ElevationOutcome outcome = alice.get(60, TimeUnit.SECONDS);
    assertThat(outcome.failure()).hasValueSatisfying(e -> assertThat(e.kind().name()).isEqualTo("DENIED"));
    assertThat(emulator.leaks()).isEmpty();
  }

  @Test
  void aDirectoryRolesStepsAreDecidedThroughGraphOneApproverAfterTheOther() throws Exception {
    ApprovalDesk bob = deskOf(user("bob@contoso-emu.onmicrosoft.com", "demo-bob-pw-8c1f"));
    ApprovalDesk carol = deskOf(user("carol@contoso-emu.onmicrosoft.com", "demo-carol-pw-2b7d"));
    Future<ElevationOutcome> alice = aliceAsks(ElevationRequest.builder().directoryRole("Privileged Role Administrator"));

    PendingApproval first = waitFor(bob);
    assertThat(first.surface()).isEqualTo(Surface.DIRECTORY_ROLE);
    assertThat(carol.pending()).isEmpty();
    bob.decide(first, BOB, true, "stage one");
    PendingApproval second = waitFor(carol);
    assertThat(alice.isDone()).as("not elevated after one stage of two").isFalse();
    carol.decide(second, CAROL, true, "stage two");

    assertThat(alice.get(60, TimeUnit.SECONDS).failure()).isEmpty();
    assertThat(emulator.leaks()).isEmpty();
  }
}
