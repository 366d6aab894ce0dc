package dev.jitelevate.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.testing.SecretCanary;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotationRollbackTest {
  private static final String SEED = "seed-db-password-1f7c";
  private final InProcessKeyVault vault = new InProcessKeyVault().grantNow();
  private final SecretCanary canary = SecretCanary.start();
  private final RotationHarness harness = new RotationHarness(vault, canary, false);

  @AfterEach
  void noValueLeaked() {
    try {
      assertThat(canary.watched()).isGreaterThan(0);
      canary.assertNoLeaks();
    } finally {
      canary.close();
    }
  }

  private static KeyVaultSecretRotation.Builder rotation(RotationValidator validator, RollbackMode mode, String... secrets) {
    return KeyVaultSecretRotation.builder().vault("kv-jit-demo").secrets(List.of(secrets)).validateWith(validator)
        .rollback(mode);
  }

  private static RotationValidator failing() {
    return (name, value, context) -> RotationValidator.Result.failed("login with the new value was refused");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> notesOf(String secret) {
    return (Map<String, Object>) harness.context.notes.get("keyvault.secret." + secret);
  }

  @Nested
  class WhenValidationFails {
    @Test
    void restorePreviousWritesTheOldValueAgainAsTheLatestVersion() {
      ElevationException failure = harness.failure(rotation(failing(), RollbackMode.RESTORE_PREVIOUS, "db-password").build());

      List<JsonNode> versions = vault.versions("db-password");
      assertThat(versions).hasSize(3);
      assertThat(vault.latestValue("db-password")).isEqualTo(SEED);
      assertThat(versions.get(2).at("/tags/jit-elevate-restored-from").asText()).isEqualTo(notesOf("db-password").get("previousVersion"));
      assertThat(failure.kind()).isEqualTo(FailureKind.OPERATION_FAILED);
      assertThat(failure.azureErrorCode()).contains("ValidationFailed");
      assertThat(failure).hasMessageContaining("Validation of the new value of secret 'db-password' failed")
          .hasMessageContaining("login with the new value was refused").hasMessageContaining("Rollback (RESTORE_PREVIOUS)");
      assertThat(String.valueOf(notesOf("db-password").get("rollback"))).startsWith("RESTORE_PREVIOUS");
      assertThat(harness.context.notes).containsEntry("keyvault.rollbackMode", "RESTORE_PREVIOUS");
    }

    @Test
    void disableNewDisablesTheNewVersion() {
      harness.failure(rotation(failing(), RollbackMode.DISABLE_NEW, "db-password").build());

      List<JsonNode> versions = vault.versions("db-password");
      assertThat(versions).hasSize(2);
      assertThat(versions.get(1).at("/attributes/enabled").asBoolean()).isFalse();
      assertThat(vault.latestValue("db-password")).isEqualTo("HTTP 403");
      assertThat(String.valueOf(notesOf("db-password").get("rollback"))).startsWith("DISABLE_NEW disabled new version");
    }

    @Test
    void noneLeavesTheNewVersionAndSaysSo() {
      ElevationException failure = harness.failure(rotation(failing(), RollbackMode.NONE, "db-password").build());

      assertThat(vault.versions("db-password")).hasSize(2);
      assertThat(vault.latestValue("db-password")).isNotEqualTo(SEED);
      assertThat(failure).hasMessageContaining("left in place");
    }

    @Test
    void everySecretRotatedSoFarIsRolledBack() {
      RotationValidator secondFails = (name, value, context) -> name.equals("api-key")
          ? RotationValidator.Result.failed("refused") : RotationValidator.Result.passed("ok");

      harness.failure(rotation(secondFails, RollbackMode.RESTORE_PREVIOUS, "db-password", "api-key").build());

      assertThat(vault.latestValue("db-password")).isEqualTo(SEED);
      assertThat(vault.latestValue("api-key")).isEqualTo("seed-api-key-9b2e");
    }

    @Test
    void aCreatedSecretIsDisabledBecauseThereIsNoPreviousValueToRestore() {
      harness.failure(rotation(failing(), RollbackMode.RESTORE_PREVIOUS, "brand-new")
          .whenMissing(MissingSecretPolicy.CREATE).build());

      assertThat(vault.versions("brand-new").get(0).at("/attributes/enabled").asBoolean()).isFalse();
      assertThat(String.valueOf(notesOf("brand-new").get("rollback"))).contains("created by this run");
    }

    @Test
    void aValidatorThatEchoesTheValueIsRedacted() {
      RotationValidator echoing = (name, value, context) -> RotationValidator.Result.failed("server said: bad password " + value);

      ElevationException failure = harness.failure(rotation(echoing, RollbackMode.NONE, "db-password").build());

      assertThat(failure).hasMessageContaining("bad password ***");
    }
  }

  @Nested
  class Validators {
    @Test
    void aCommandGetsTheValueInItsEnvironmentAndTheNameInAnother(@TempDir Path dir) throws IOException {
      Path seen = dir.resolve("seen");
      RotationValidator command = RotationValidator.command(List.of("sh", "-c",
          "printf '%s|%s' \"$JIT_ELEVATE_SECRET_NAME\" \"$NEW_SECRET\" > \"$0\"", seen.toString()), "NEW_SECRET",
          Duration.ofSeconds(20));

      harness.run(rotation(command, RollbackMode.RESTORE_PREVIOUS, "db-password").build());

      assertThat(Files.readString(seen, StandardCharsets.UTF_8)).isEqualTo("db-password|" + vault.latestValue("db-password"));
      assertThat(String.valueOf(notesOf("db-password").get("validation"))).isEqualTo("passed: exit code 0");
    }

    @Test
    void aCommandExitingNonZeroFailsTheValidation() {
      RotationValidator command = RotationValidator.command(List.of("sh", "-c", "exit 3"), "NEW_SECRET", Duration.ofSeconds(20));

      ElevationException failure = harness.failure(rotation(command, RollbackMode.RESTORE_PREVIOUS, "db-password").build());

      assertThat(failure).hasMessageContaining("command sh: exit code 3");
      assertThat(vault.latestValue("db-password")).isEqualTo(SEED);
    }

    @Test
    void anHttpsCheckWithAnUnexpectedStatusFailsTheValidation() {
      RotationValidator https = RotationValidator.https(URI.create(InProcessKeyVault.BASE + "health"), 200);

      ElevationException failure = harness.failure(rotation(https, RollbackMode.DISABLE_NEW, "db-password").build());

      assertThat(failure).hasMessageContaining("answered 404, expected 200");
    }
  }
}
