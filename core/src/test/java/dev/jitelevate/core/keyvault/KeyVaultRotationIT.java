package dev.jitelevate.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.testing.SecretCanary;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.server.JournalEntry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rotation against the started emulator over HTTPS (Entra tokens, ARM role assignments with their
 * propagation delay, the Key Vault data plane), observed through the emulator's request journal.
 */
class KeyVaultRotationIT {
  private static final String SUB = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  private static final String BROKER = "b0b0b0b0-0000-4000-8000-000000000001";
  private static final String KV_SECRETS_OFFICER = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

  private PimEmulator emulator;
  private HttpClient http;
  private SecretCanary canary;

  @BeforeEach
  void start() {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).start();
    http = new OkHttpAsyncHttpClientBuilder(new OkHttpClient.Builder()
        .sslSocketFactory(emulator.sslContext().getSocketFactory(), emulator.trustManager()).build()).build();
    canary = SecretCanary.start();
    canary.watch("demo-db-password-Zq7x");
  }

  @AfterEach
  void stop() {
    try {
      canary.assertNoLeaks();
    } finally {
      canary.close();
      emulator.close();
    }
  }

  private TokenCredential broker() {
    return new ClientSecretCredentialBuilder().tenantId(emulator.tenantId())
        .clientId("b0b0b0b0-0000-4000-8000-0000000000a1").clientSecret("demo-broker-secret-7f3e9c21")
        .authorityHost(emulator.baseUrl()).disableInstanceDiscovery().httpClient(http).build();
  }

  private void grantSecretsOfficer() {
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", emulator.baseUrl());
    endpoints.put("activeDirectoryEndpointUrl", emulator.baseUrl());
    AuthorizationManager.configure().withHttpClient(http)
        .authenticate(broker(), new AzureProfile(emulator.tenantId(), SUB, new AzureEnvironment(endpoints)))
        .roleServiceClient().getRoleAssignments().create("/subscriptions/" + SUB + "/resourceGroups/rg-app",
            UUID.randomUUID().toString(), new RoleAssignmentCreateParameters().withPrincipalId(BROKER)
                .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL).withRoleDefinitionId("/subscriptions/" + SUB
                    + "/providers/Microsoft.Authorization/roleDefinitions/" + KV_SECRETS_OFFICER));
  }

  @Test
  void theRotationWaitsOutPropagationAndTheJournalHasNoWriteBeforeTheFirstSuccessfulRead() {
    emulator.hazards(emulator.hazards().withPropagationDelay(Duration.ofMinutes(5)));
    grantSecretsOfficer();
    emulator.clearJournal();
    RecordingOperationContext context = new RecordingOperationContext(CloudProfile.parse(emulator.profileJson()), http,
        this::broker, canary.listener(), false);
    KeyVaultSecretRotation rotation = KeyVaultSecretRotation.builder().vault("kv-jit-demo")
        .secrets(List.of("db-password", "api-key")).build();

    int notYet = 0;
    while (rotation.probe(context).orElseThrow().check(context) == dev.jitelevate.core.AccessProbe.Result.NOT_YET) {
      notYet++;
      emulator.clock().advance(Duration.ofMinutes(1));
    }
    rotation.perform(context);
    canary.capture("notes", context.notes);

    List<JournalEntry> kv = emulator.journal().stream().filter(e -> e.path().startsWith("/kv/")).toList();
    int firstSuccess = kv.indexOf(kv.stream().filter(e -> e.method().equals("GET") && e.status() == 200).findFirst().orElseThrow());
    assertThat(notYet).isGreaterThan(0);
    assertThat(kv.subList(0, firstSuccess)).noneMatch(e -> e.method().equals("PUT") || e.method().equals("PATCH"))
        .anyMatch(e -> e.status() == 403);
    assertThat(kv.stream().filter(e -> e.method().equals("PUT") && e.status() == 200)).hasSize(2);
    assertThat(context.notes).containsKeys("keyvault.secret.db-password", "keyvault.secret.api-key");
  }
}
