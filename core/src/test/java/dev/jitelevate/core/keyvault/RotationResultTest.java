package dev.jitelevate.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.keyvault.RotationResult.ValidationOutcome;
import dev.jitelevate.core.testing.SecretCanary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rotation's typed result: versions before, written and current, and what the validator said. */
class RotationResultTest {
  private static final String SEED = "seed-db-password-1f7c";
  private final InProcessKeyVault vault = new InProcessKeyVault().grantNow();
  private final SecretCanary canary = SecretCanary.start();
  private final RotationHarness harness = new RotationHarness(vault, canary, false);

  @AfterEach
  void noValueLeaked() {
    try {
      canary.assertNoLeaks();
    } finally {
      canary.close();
    }
  }

  private static KeyVaultSecretRotation rotation(RotationValidator validator, RollbackMode mode) {
    return KeyVaultSecretRotation.builder().vault("kv-jit-demo").secret("db-password").validateWith(validator)
        .rollback(mode).build();
  }

  private RotationResult.Secret result() {
    return RotationResult.fromMap(harness.context.notes.get("result")).orElseThrow().secrets().get(0);
  }

  private static String version(JsonNode item) {
    String id = item.get("id").asText();
    return id.substring(id.lastIndexOf('/') + 1);
  }

  @Test
  void aPassingRotationNamesTheNewVersionAsCurrent() {
    harness.run(rotation((n, v, c) -> RotationValidator.Result.passed("ok"), RollbackMode.RESTORE_PREVIOUS));

    List<JsonNode> versions = vault.versions("db-password");
    RotationResult.Secret secret = result();
    assertThat(secret.previousVersion()).contains(version(versions.get(0)));
    assertThat(secret.newVersion()).contains(version(versions.get(1)));
    assertThat(secret.currentVersion()).isEqualTo(secret.newVersion());
    assertThat(secret.validation().outcome()).isEqualTo(ValidationOutcome.PASSED);
    assertThat(secret.unvalidatedVersionLive()).isFalse();
  }

  @Test
  void aRestoredRollbackNamesTheRestoredVersionAsCurrentNotTheRejectedOne() {
    harness.failure(rotation((n, v, c) -> RotationValidator.Result.failed("refused"), RollbackMode.RESTORE_PREVIOUS));

    List<JsonNode> versions = vault.versions("db-password");
    RotationResult.Secret secret = result();
    assertThat(secret.newVersion()).contains(version(versions.get(1)));
    assertThat(secret.currentVersion()).contains(version(versions.get(2)));
    assertThat(secret.validation().outcome()).isEqualTo(ValidationOutcome.FAILED);
    assertThat(secret.rollback()).hasValueSatisfying(r -> assertThat(r).startsWith("RESTORE_PREVIOUS"));
  }

  @Test
  void aDisabledNewVersionLeavesThePreviousOneCurrent() {
    harness.failure(rotation((n, v, c) -> RotationValidator.Result.failed("refused"), RollbackMode.DISABLE_NEW));

    assertThat(result().currentVersion()).isEqualTo(result().previousVersion());
  }

  @Test
  void aFailingCommandsLastOutputIsKeptWithTheValueRedacted() {
    RotationValidator command = RotationValidator.command(List.of("sh", "-c",
        "echo \"connecting with $NEW_SECRET\"; echo 'login refused: password authentication failed' >&2; exit 1"),
        "NEW_SECRET", Duration.ofSeconds(20));

    ElevationException failure = harness.failure(rotation(command, RollbackMode.RESTORE_PREVIOUS));

    assertThat(result().validation().output()).containsExactly("connecting with ***",
        "login refused: password authentication failed");
    assertThat(failure).hasMessageContaining("login refused: password authentication failed");
    assertThat(vault.latestValue("db-password")).isEqualTo(SEED);
  }

  @Test
  void anInterruptedValidatorIsStoppedAndTheNewVersionRolledBack(@TempDir Path dir) throws Exception {
    Path started = dir.resolve("started");
    RotationValidator command = RotationValidator.command(List.of("sh", "-c",
        "echo checking; touch '" + started + "'; sleep 60"), "NEW_SECRET", Duration.ofMinutes(5));
    CompletableFuture<ElevationException> outcome = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        harness.run(rotation(command, RollbackMode.RESTORE_PREVIOUS));
        outcome.complete(null);
      } catch (ElevationException e) {
        outcome.complete(e);
      }
    });
    worker.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(started) && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    worker.interrupt();

    ElevationException failure = outcome.get(10, TimeUnit.SECONDS);
    assertThat(failure.kind()).isEqualTo(FailureKind.INTERRUPTED);
    assertThat(result().validation().outcome()).isEqualTo(ValidationOutcome.INTERRUPTED);
    assertThat(result().validation().output()).contains("checking");
    assertThat(result().currentVersion()).isNotEqualTo(result().newVersion());
    assertThat(vault.latestValue("db-password")).isEqualTo(SEED);
  }
}
