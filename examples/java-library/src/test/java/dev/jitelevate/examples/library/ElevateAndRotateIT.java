package dev.jitelevate.examples.library;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example end to end against the embedded emulator, on the example's own class path (core only, no Graph):
 * Alice activates her eligible Key Vault Secrets Officer role, {@link RotateSecret} writes a new version of the
 * demo vault's secret once RBAC lets it, the role is revoked and the activation record says so. The consumer
 * build (consumer-check/) runs this same test from the installed artifacts, by coordinates only.
 */
class ElevateAndRotateIT {
  private static final String SCOPE = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app";
  private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
  private static final Duration FLOOR = Duration.ofMillis(700);

  private static final PimEmulator emulator = PimEmulator.builder().port(0).scenario(Scenario.demo())
      .hazards(Hazards.none().withProvisioningDelay(Duration.ofMillis(150))
          .withPropagationDelay(Duration.ofMillis(300)).withMinimumActiveDuration(FLOOR))
      .start();
  private final CloudProfile cloud = CloudProfile.parse(emulator.profileJson());
  private final List<ElevationEvent> events = new CopyOnWriteArrayList<>();

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void elevatesRotatesRevokesAndRecords(@TempDir Path dir) throws Exception {
    ElevationOutcome outcome = ElevateAndRotate.run(elevator(), SCOPE, "kv-jit-demo", "db-password",
        "INC-4711: leaked in a log");

    assertThat(outcome.failure()).isEmpty();
    ActivationRecord record = outcome.record();
    assertThat(record.outcome()).isEqualTo(ActivationRecord.Outcome.SUCCEEDED);
    assertThat(record.principal().id()).isEqualTo(ALICE);
    assertThat(record.target().roleName()).contains("Key Vault Secrets Officer");
    assertThat(record.revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    assertThat(record.operation()).containsEntry("name", "rotate-secret");
    assertThat(record.operation().get("notes")).isInstanceOfSatisfying(Map.class, notes -> {
      assertThat(notes).containsEntry("secret", "db-password");
      assertThat((String) notes.get("version")).matches("[0-9a-f]{32}");
    });
    assertThat(emulator.journal()).anySatisfy(call -> {
      assertThat(call.method()).isEqualTo("PUT");
      assertThat(call.path()).endsWith("/secrets/db-password");
      assertThat(call.status()).isEqualTo(200);
      assertThat(call.callerObjectId()).isEqualTo(ALICE);
    });
    assertThat(emulator.leaks()).as("assignments left active").isEmpty();

    Path file = Files.writeString(dir.resolve("activation-record.json"), ActivationRecords.toJson(record));
    assertThat(ActivationRecords.fromJson(Files.readString(file)).requestIds()).isEqualTo(record.requestIds());
    assertThat(events).anyMatch(e -> e instanceof ElevationEvent.StepFinished);
  }

  @Test
  void anAzureRolesOnlyConsumerDoesNotCarryTheGraphSdk() {
    assertThat(getClass().getClassLoader().getResource("com/microsoft/graph/serviceclient/GraphServiceClient.class"))
        .as("the Graph SDK on an Azure-roles-only class path").isNull();
  }

  /** The example's elevator, pointed at the emulator: Alice signs in with her password instead of az login. */
  private Elevator elevator() {
    HttpClient trusting = new OkHttpAsyncHttpClientBuilder(new OkHttpClient.Builder()
        .sslSocketFactory(emulator.sslContext().getSocketFactory(), emulator.trustManager()).build()).build();
    CredentialSource alice = Credentials.of(() -> new UsernamePasswordCredentialBuilder()
        .tenantId(emulator.tenantId()).clientId("04b07795-8ddb-461a-bbee-02f9e1bf7b46")
        .username("alice@contoso-emu.onmicrosoft.com").password("demo-alice-pw-4d2a")
        .authorityHost(emulator.baseUrl()).disableInstanceDiscovery().httpClient(trusting).build());
    return Elevator.builder()
        .cloud(cloud)
        .tenantId(emulator.tenantId())
        .identity(alice)
        .polling(PollingPolicy.defaults().withIntervals(Duration.ofMillis(50), Duration.ofMillis(200))
            .withMinimumActiveDuration(FLOOR))
        .listener(event -> {
          events.add(event);
          ElevateAndRotate.print(event);
        })
        .build();
  }
}
