package dev.jitelevate.core.it.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.fluent.AuthorizationManagementClient;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.testing.EmulatorExtension;
import dev.jitelevate.core.testing.RecordSchema;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.ActiveAssignment;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One emulator with the demo scenario and the identities of its demo: the broker (client secret), the CI
 * workload identity (GitHub OIDC token through its federated credential) and Alice (password sign-in). Keeps
 * every delay in the hundreds of milliseconds so the suite runs in seconds. Register it as a static
 * {@code @RegisterExtension} field: it resets the emulator before each test and fails a test that leaves an
 * assignment behind.
 */
final class ArmEmulatorRun extends EmulatorExtension {
  /** Lists come in pages of two, so every list the client reads takes several pages (issue 13). */
  static final int PAGE_SIZE = 2;
  static final String SUB = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String SUB_SCOPE = "/subscriptions/" + SUB;
  static final String RG_APP = SUB_SCOPE + "/resourceGroups/rg-app";
  static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
  static final String BOB = "b0b00000-0000-4000-8000-000000000002";
  static final String CI = "c1c1c1c1-0000-4000-8000-000000000001";
  static final String BROKER_APP = "b0b0b0b0-0000-4000-8000-0000000000a1";
  static final String BROKER_SECRET = "demo-broker-secret-7f3e9c21";
  static final String CI_APP = "c1c1c1c1-0000-4000-8000-0000000000a1";
  static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
  /** The floor both the emulator and the lifecycle use, instead of PIM's 5 minutes. */
  static final Duration FLOOR = Duration.ofMillis(700);

  final List<ElevationEvent> events = new CopyOnWriteArrayList<>();

  ArmEmulatorRun() {
    this(Scenario.demo());
  }

  /** The same run on another scenario, still in pages of {@link #PAGE_SIZE}. */
  ArmEmulatorRun(Scenario scenario) {
    super(PimEmulator.builder().scenario(scenario.withPageSize(PAGE_SIZE)).hazards(fast()).start());
  }

  /** No throttling or random faults, a short provisioning delay, and the short floor. */
  static Hazards fast() {
    return Hazards.none().withProvisioningDelay(Duration.ofMillis(150)).withMinimumActiveDuration(FLOOR);
  }

  /** Puts the emulator back to the scenario with the fast hazards, and forgets the events. */
  @Override
  protected void reset() {
    emulator.reset();
    emulator.hazards(fast());
    events.clear();
  }

  static PollingPolicy polling() {
    return PollingPolicy.defaults().withIntervals(Duration.ofMillis(50), Duration.ofMillis(200)).withMaxRetries(4)
        .withMinimumActiveDuration(FLOOR);
  }

  CredentialSource broker() {
    return Credentials.clientSecret(cloud, emulator.tenantId(), BROKER_APP, BROKER_SECRET);
  }

  /** The CI app signing in with a GitHub Actions OIDC token, as on a runner. */
  CredentialSource ci() {
    return Credentials.clientAssertion(cloud, emulator.tenantId(), CI_APP,
        () -> emulator.github().idToken("api://AzureADTokenExchange"));
  }

  CredentialSource alice() {
    return Credentials.of(() -> new UsernamePasswordCredentialBuilder().tenantId(emulator.tenantId())
        .clientId(AZURE_CLI).username("alice@contoso-emu.onmicrosoft.com").password("demo-alice-pw-4d2a")
        .authorityHost(emulator.baseUrl()).disableInstanceDiscovery().httpClient(http).build());
  }

  /** Alice elevating herself. */
  Elevator selfElevator() {
    return base().identity(alice()).build();
  }

  /** Alice elevating herself, with a lifecycle floor of its own. */
  Elevator selfElevator(Duration floor) {
    return base().identity(alice()).polling(polling().withMinimumActiveDuration(floor)).build();
  }

  /** Alice elevating herself in a tenant whose access tokens live at most {@code maxTokenLifetime}. */
  Elevator selfElevatorWithTokenLifetime(Duration maxTokenLifetime) {
    return base().identity(alice()).maxAccessTokenLifetime(maxTokenLifetime).build();
  }

  /** The broker elevating the CI app. */
  Elevator brokerElevator() {
    return base().identity(ci()).broker(broker()).build();
  }

  Elevator brokerElevator(Clock clock) {
    return base().identity(ci()).broker(broker()).clock(clock).build();
  }

  dev.jitelevate.core.ElevatorBuilder base() {
    return Elevator.builder().cloud(cloud).tenantId(emulator.tenantId()).polling(polling()).listener(events::add);
  }

  /** The management SDK as the broker, for arranging state a test needs (e.g. leftovers of a killed run). */
  AuthorizationManagementClient brokerSdk() {
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", emulator.baseUrl());
    endpoints.put("activeDirectoryEndpointUrl", emulator.baseUrl());
    return AuthorizationManager.configure().withHttpClient(http)
        .authenticate(broker().newCredential(), new AzureProfile(emulator.tenantId(), SUB, new AzureEnvironment(endpoints)))
        .roleServiceClient();
  }

  /** Active assignments no scenario created, apart from those the test deliberately keeps. */
  List<ActiveAssignment> leaks() {
    return emulator.leaks();
  }

  long retries(String reasonPart) {
    return events.stream().filter(e -> e instanceof ElevationEvent.Retrying r && r.reason().contains(reasonPart)).count();
  }

  /** Asserts the record's JSON is valid against the published schema. */
  static void assertValidRecord(ActivationRecord record) {
    assertThat(RecordSchema.errors(record)).as("schema violations of %s", ActivationRecords.toJson(record)).isEmpty();
  }
}
