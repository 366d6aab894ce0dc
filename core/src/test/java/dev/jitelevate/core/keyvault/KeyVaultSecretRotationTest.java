package dev.jitelevate.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.core.AccessProbe;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.testing.SecretCanary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeyVaultSecretRotationTest {
  private final InProcessKeyVault vault = new InProcessKeyVault().grantNow();
  private final SecretCanary canary = SecretCanary.start();
  private final RotationHarness harness = new RotationHarness(vault, canary, false);

  @AfterEach
  void noValueLeaked() {
    try {
      if (canary.watched() > 0) {
        canary.assertNoLeaks();
      }
    } finally {
      canary.close();
    }
  }

  private static KeyVaultSecretRotation.Builder rotation(String... secrets) {
    return KeyVaultSecretRotation.builder().vault("kv-jit-demo").secrets(List.of(secrets));
  }

  private static String version(JsonNode item) {
    String id = item.get("id").asText();
    return id.substring(id.lastIndexOf('/') + 1);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> notesOf(String secret) {
    return (Map<String, Object>) harness.context.notes.get("keyvault.secret." + secret);
  }

  @Nested
  class Rotating {
    @Test
    void writesAGeneratedValueAsANewVersionAndKeepsThePreviousOne() {
      harness.run(rotation("db-password").build());

      List<JsonNode> versions = vault.versions("db-password");
      assertThat(versions).hasSize(2);
      String newValue = vault.latestValue("db-password");
      assertThat(newValue).hasSize(32).isNotEqualTo("seed-db-password-1f7c");
      assertThat(notesOf("db-password")).containsEntry("previousVersion", version(versions.get(0)))
          .containsEntry("newVersion", version(versions.get(1)));
      assertThat(canary.watched()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void tagsTheNewVersionWithTheRunAndRequestAndKeepsContentTypeAndTags() {
      harness.run(rotation("db-password").tag("rotated-by", "ci").build());

      JsonNode latest = vault.versions("db-password").get(1);
      assertThat(latest.at("/tags/jit-elevate-run").asText()).isEqualTo("987654321");
      assertThat(latest.at("/tags/jit-elevate-request").asText()).isEqualTo(RecordingOperationContext.REQUEST_ID);
      assertThat(latest.at("/tags/owner").asText()).isEqualTo("payments");
      assertThat(latest.at("/tags/rotated-by").asText()).isEqualTo("ci");
      assertThat(latest.get("contentType").asText()).isEqualTo("text/plain");
    }

    @Test
    void rotatesSeveralSecretsEachToItsOwnValue() {
      harness.run(rotation("db-password", "api-key").build());

      assertThat(vault.versions("db-password")).hasSize(2);
      assertThat(vault.versions("api-key")).hasSize(2);
      assertThat(vault.latestValue("db-password")).isNotEqualTo(vault.latestValue("api-key"));
    }

    @Test
    void writesASuppliedValueWithContentTypeExpiryAndNotBefore() {
      Instant notBefore = Instant.parse("2026-01-01T00:00:00Z");
      harness.run(rotation("api-key").value(() -> "issued-elsewhere-4c1d").contentType("application/x-api-key")
          .expiresOn(Instant.parse("2027-01-01T00:00:00Z")).notBefore(notBefore).build());

      JsonNode latest = vault.versions("api-key").get(1);
      assertThat(vault.latestValue("api-key")).isEqualTo("issued-elsewhere-4c1d");
      assertThat(latest.get("contentType").asText()).isEqualTo("application/x-api-key");
      assertThat(latest.at("/attributes/exp").asLong()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z").getEpochSecond());
      assertThat(latest.at("/attributes/nbf").asLong()).isEqualTo(notBefore.getEpochSecond());
    }

    @Test
    void anEmptySuppliedValueFailsBeforeAnythingIsWritten() {
      ElevationException failure = harness.failure(rotation("api-key").value(() -> "").build());

      assertThat(failure).hasMessageContaining("'api-key' is empty");
      assertThat(harness.writes()).isEmpty();
    }
  }

  @Nested
  class Propagation {
    @Test
    void waitsOutThePropagationDelayAndWritesOnlyAfterTheFirstSuccessfulRead() {
      vault.propagationDelay(Duration.ofSeconds(2));
      InProcessKeyVault.Call firstWrite;

      harness.run(rotation("db-password").build());

      assertThat(harness.notYet).isGreaterThan(0);
      List<InProcessKeyVault.Call> journal = vault.journal;
      int firstRead = journal.indexOf(journal.stream().filter(c -> c.method().equals("GET") && c.status() == 200)
          .findFirst().orElseThrow());
      firstWrite = journal.stream().filter(c -> c.method().equals("PUT")).findFirst().orElseThrow();
      assertThat(journal.subList(0, firstRead)).allMatch(c -> !c.method().equals("PUT") && !c.method().equals("PATCH"));
      assertThat(journal.subList(0, firstRead)).anyMatch(c -> c.status() == 403);
      assertThat(journal.indexOf(firstWrite)).isGreaterThan(firstRead);
    }

    @Test
    void theProbeSaysNotYetWhileKeyVaultRefusesWithForbiddenByRbac() {
      vault.propagationDelay(Duration.ofMinutes(5));
      AccessProbe probe = rotation("db-password").build().probe(harness.context).orElseThrow();

      assertThat(probe.check(harness.context)).isEqualTo(AccessProbe.Result.NOT_YET);
      vault.clock.advance(Duration.ofMinutes(5));
      assertThat(probe.check(harness.context)).isEqualTo(AccessProbe.Result.EFFECTIVE);
    }

    @Test
    void anotherForbiddenStopsTheProbeWithTheKeyVaultCodeAndRequestId() {
      harness.context.httpClient = new ForbiddenByFirewall();
      AccessProbe probe = rotation("db-password").build().probe(harness.context).orElseThrow();

      assertThatThrownBy(() -> probe.check(harness.context))
          .isInstanceOfSatisfying(ElevationException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.NOT_AUTHORIZED);
            assertThat(e.azureErrorCode()).contains("ForbiddenByFirewall");
            assertThat(e.azureRequestId()).contains(ForbiddenByFirewall.REQUEST_ID);
            assertThat(e.httpStatus()).isEqualTo(403);
          })
          .hasMessageContaining("Client address is not authorized");
    }
  }

  @Nested
  class MissingDisabledAndInvalid {
    @Test
    void aMissingSecretIsRefusedByDefaultAlreadyByTheProbe() {
      ElevationException failure = harness.failure(rotation("does-not-exist").build());

      assertThat(failure).hasMessageContaining("'does-not-exist' does not exist").hasMessageContaining("CREATE");
      assertThat(failure.azureErrorCode()).contains("SecretNotFound");
      assertThat(harness.writes()).isEmpty();
    }

    @Test
    void aMissingSecretGetsItsFirstVersionUnderCreate() {
      harness.run(rotation("brand-new").whenMissing(MissingSecretPolicy.CREATE).build());

      assertThat(vault.versions("brand-new")).hasSize(1);
      assertThat(notesOf("brand-new")).containsEntry("previousVersion", "none");
    }

    @Test
    void aDisabledSecretIsRefusedBeforeAnyOtherSecretIsWritten() {
      ElevationException failure = harness.failure(rotation("db-password", "retired").build());

      assertThat(failure).hasMessageContaining("latest version of secret 'retired'").hasMessageContaining("disabled");
      assertThat(failure.azureErrorCode()).contains("SecretDisabled");
      assertThat(harness.writes()).isEmpty();
    }

    @Test
    void anUnknownVaultStopsTheProbeWithVaultNotFound() {
      ElevationException failure = harness.failure(KeyVaultSecretRotation.builder().vault("kv-nowhere")
          .secret("db-password").build());

      assertThat(failure.azureErrorCode()).contains("VaultNotFound");
      assertThat(failure.httpStatus()).isEqualTo(404);
      assertThat(failure).hasMessageContaining("kv-nowhere").hasMessageContaining("Check the vault name");
    }

    @Test
    void anInvalidSecretNameIsRejectedWhenTheRotationIsBuilt() {
      assertThatThrownBy(() -> rotation("db_password"))
          .isInstanceOf(InvalidElevationRequestException.class)
          .hasMessageContaining("'db_password' is not a valid Key Vault secret name")
          .hasMessageContaining("letters, digits and hyphens");
    }

    @Test
    void anInvalidVaultIsRejectedWhenTheRotationIsBuilt() {
      assertThatThrownBy(() -> KeyVaultSecretRotation.builder().vault("http://kv.example.com/"))
          .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("https");
      assertThatThrownBy(() -> KeyVaultSecretRotation.builder().vault("kv_bad"))
          .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("not a valid Key Vault name");
    }

    @Test
    void aRotationWithoutSecretsOrWithARepeatedSecretIsRejected() {
      assertThatThrownBy(() -> KeyVaultSecretRotation.builder().vault("kv-jit-demo").build())
          .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("No secret");
      assertThatThrownBy(() -> rotation("api-key", "API-KEY"))
          .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("listed twice");
    }
  }

  @Nested
  class DryRun {
    @Test
    void aDryRunReadsReportsAndWritesNothing() {
      RotationHarness dry = new RotationHarness(vault, canary, true);
      canary.watch("seed-db-password-1f7c");

      dry.run(rotation("db-password", "brand-new").whenMissing(MissingSecretPolicy.CREATE).build());

      assertThat(dry.writes()).isEmpty();
      assertThat(vault.journal).isNotEmpty().allMatch(c -> c.method().equals("GET"));
      assertThat(vault.versions("db-password")).hasSize(1);
      assertThat(String.valueOf(dry.context.notes.get("keyvault.secret.db-password"))).contains("would write a new version");
      assertThat(String.valueOf(dry.context.notes.get("keyvault.secret.brand-new"))).contains("would create");
    }
  }
}
