package dev.jitelevate.emulator.keyvault;

import static dev.jitelevate.emulator.testing.DemoTenant.BROKER;
import static dev.jitelevate.emulator.testing.DemoTenant.KV_SECRETS_OFFICER;
import static dev.jitelevate.emulator.testing.DemoTenant.RG_APP;
import static dev.jitelevate.emulator.testing.DemoTenant.SUBSCRIPTION;
import static dev.jitelevate.emulator.testing.DemoTenant.SUBSCRIPTION_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.azure.security.keyvault.secrets.SecretServiceVersion;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import dev.jitelevate.emulator.server.JournalEntry;
import dev.jitelevate.emulator.testing.DemoTenant;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The unmodified {@code SecretClient} against the emulator over HTTPS: only the vault URL, the TLS trust and
 * {@code disableChallengeResourceVerification()} (the emulator's host is not under {@code .vault.azure.net})
 * differ from production. The broker service principal grants itself Key Vault Secrets Officer through the
 * ARM SDK, so the data plane's RBAC and its propagation delay are the emulator's real ones.
 */
class KeyVaultSdkFidelityIT extends PerClassEmulator {
  private DemoTenant tenant;

  @BeforeAll
  void start() {
    tenant = new DemoTenant(emulator);
  }

  private String vaultUrl() {
    return emulator.baseUrl() + "kv/kv-jit-demo/";
  }

  private SecretClient secrets() {
    return new SecretClientBuilder().vaultUrl(vaultUrl()).credential(tenant.broker()).httpClient(tenant.http())
        .disableChallengeResourceVerification().buildClient();
  }

  private void grantSecretsOfficer() {
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", emulator.baseUrl());
    endpoints.put("activeDirectoryEndpointUrl", emulator.baseUrl());
    AuthorizationManager.configure().withHttpClient(tenant.http())
        .authenticate(tenant.broker(), new AzureProfile(emulator.tenantId(), SUBSCRIPTION, new AzureEnvironment(endpoints)))
        .roleServiceClient().getRoleAssignments().create(RG_APP, UUID.randomUUID().toString(),
            new RoleAssignmentCreateParameters().withPrincipalId(BROKER).withPrincipalType(PrincipalType.SERVICE_PRINCIPAL)
                .withRoleDefinitionId(SUBSCRIPTION_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions/"
                    + KV_SECRETS_OFFICER));
  }

  private static String versionOf(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  @Nested
  class ChallengeAndRbac {
    @Test
    void aRequestWithoutATokenGetsTheChallengeThatTheSdkAnswers() throws IOException {
      Request bare = new Request.Builder().url(vaultUrl() + "secrets/db-password?api-version=7.5").build();
      try (Response response = tenant.okHttp().newCall(bare).execute()) {
        assertThat(response.code()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer authorization=\"" + emulator.baseUrl()
            + emulator.tenantId() + "\", resource=\"https://vault.azure.net\"");
      }
      grantSecretsOfficer();

      assertThat(secrets().getSecret("db-password").getValue()).isEqualTo("demo-db-password-Zq7x");
      assertThat(emulator.journal()).anyMatch(e -> e.path().contains("/kv/") && e.status() == 401);
    }

    @Test
    void theDataPlaneRefusesWithForbiddenByRbacDuringPropagationThenServes() {
      emulator.hazards(emulator.hazards().withPropagationDelay(Duration.ofMinutes(5)));
      SecretClient client = secrets();
      grantSecretsOfficer();

      assertThatThrownBy(() -> client.getSecret("db-password"))
          .isInstanceOfSatisfying(HttpResponseException.class, e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(403))
          .hasMessageContaining("ForbiddenByRbac");
      emulator.clock().advance(Duration.ofMinutes(6));
      assertThat(client.getSecret("db-password").getValue()).isEqualTo("demo-db-password-Zq7x");
    }

    @Test
    void withoutAnyRoleTheRefusalIsForbiddenByRbac() {
      assertThatThrownBy(() -> secrets().setSecret("db-password", "x"))
          .isInstanceOf(HttpResponseException.class).hasMessageContaining("ForbiddenByRbac");
    }
  }

  @Nested
  class Secrets {
    @BeforeEach
    void grant() {
      grantSecretsOfficer();
    }

    @Test
    void setGetAndVersionsWorkThroughTheSdk() {
      SecretClient client = secrets();
      KeyVaultSecret first = client.setSecret(new KeyVaultSecret("sdk-secret", "one")
          .setProperties(new SecretProperties().setContentType("text/plain").setTags(Map.of("a", "b"))));
      KeyVaultSecret second = client.setSecret("sdk-secret", "two");

      assertThat(first.getId()).startsWith(vaultUrl() + "secrets/sdk-secret/");
      assertThat(versionOf(first.getId())).matches("[0-9a-f]{32}");
      assertThat(first.getProperties().getCreatedOn()).isNotNull();
      assertThat(first.getProperties().getTags()).containsEntry("a", "b");
      assertThat(client.getSecret("sdk-secret").getValue()).isEqualTo("two");
      assertThat(client.getSecret("sdk-secret", versionOf(first.getId())).getValue()).isEqualTo("one");
      List<String> ids = client.listPropertiesOfSecretVersions("sdk-secret").stream().map(SecretProperties::getId).toList();
      assertThat(ids).containsExactlyInAnyOrder(first.getId(), second.getId());
    }

    @Test
    void updateChangesPropertiesWithoutTheValue() throws IOException {
      SecretClient client = secrets();
      KeyVaultSecret written = client.setSecret("sdk-update", "keep");

      SecretProperties updated = client.updateSecretProperties(reference("sdk-update", versionOf(written.getId()))
          .setContentType("application/json").setTags(Map.of("rotated", "yes")));

      assertThat(updated.getContentType()).isEqualTo("application/json");
      assertThat(updated.getTags()).containsEntry("rotated", "yes");
      assertThat(client.getSecret("sdk-update").getValue()).isEqualTo("keep");
    }

    @Test
    void theSecretListPagesThroughEverySecret() {
      SecretClient client = secrets();
      for (int i = 0; i < 27; i++) {
        client.setSecret("bulk-" + i, "v");
      }

      assertThat(client.listPropertiesOfSecrets().stream().map(SecretProperties::getId).toList())
          .hasSize(29).contains(vaultUrl() + "secrets/db-password", vaultUrl() + "secrets/bulk-26");
      assertThat(emulator.journal().stream().map(JournalEntry::query))
          .anyMatch(q -> q != null && q.contains("skiptoken"));
    }

    @Test
    void theSdkSpeaksApi20250701AndPinnedClientsStillGetOlderVersions() {
      secrets().setSecret("sdk-version", "current");
      SecretClient pinned = new SecretClientBuilder().vaultUrl(vaultUrl()).credential(tenant.broker()).httpClient(tenant.http())
          .serviceVersion(SecretServiceVersion.V7_4).disableChallengeResourceVerification().buildClient();

      assertThat(pinned.getSecret("sdk-version").getValue()).isEqualTo("current");
      assertThat(emulator.journal().stream().map(JournalEntry::query))
          .anyMatch(q -> q != null && q.contains("api-version=2025-07-01"))
          .anyMatch(q -> q != null && q.contains("api-version=7.4"));
    }

    @Test
    void outContentTypeServesAPlainSecretAsStoredAndAnUnknownTypeIsABadParameter() {
      SecretClient client = secrets();
      String version = versionOf(client.setSecret("sdk-pem", "not-a-certificate").getId());

      assertThat(client.getSecret("sdk-pem", version, "application/x-pem-file").getValue()).isEqualTo("not-a-certificate");
      assertThatThrownBy(() -> client.getSecret("sdk-pem", version, "text/plain"))
          .isInstanceOf(HttpResponseException.class).hasMessageContaining("BadParameter").hasMessageContaining("text/plain");
      assertThat(emulator.journal().stream().map(JournalEntry::query))
          .anyMatch(q -> q != null && q.contains("outContentType"));
    }

    @Test
    void aMissingSecretIsResourceNotFound() {
      assertThatThrownBy(() -> secrets().getSecret("nope"))
          .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("SecretNotFound");
    }

    @Test
    void deleteIsSoftAndRecoverable() {
      SecretClient client = secrets();

      client.beginDeleteSecret("api-key").waitForCompletion(Duration.ofSeconds(30));
      assertThat(client.getDeletedSecret("api-key").getRecoveryId()).isEqualTo(vaultUrl() + "deletedsecrets/api-key");
      client.beginRecoverDeletedSecret("api-key").waitForCompletion(Duration.ofSeconds(30));
      assertThat(client.getSecret("api-key").getValue()).isEqualTo("demo-api-key-3Kp9");
    }
  }

  /**
   * Properties addressing one version. The SDK reads a secret's name and version from the first path segments
   * of its id, which for the emulator's path-prefixed vault URLs yields the vault name; so an update built from
   * a returned object would go to the wrong path. Core avoids this the same way.
   */
  private static SecretProperties reference(String name, String version) throws IOException {
    try (JsonReader reader = JsonProviders.createReader("{\"id\":\"https://vault.invalid/secrets/" + name + "/" + version + "\"}")) {
      return SecretProperties.fromJson(reader);
    }
  }
}
