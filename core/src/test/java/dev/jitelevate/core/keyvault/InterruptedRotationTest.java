package dev.jitelevate.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.testing.SecretCanary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rotation whose process was killed: finished from the result it saved last, as the action's post step does.
 * The kill is simulated by taking the result saved at that moment and letting the run go on.
 */
class InterruptedRotationTest {
  private static final String SEED = "seed-db-password-1f7c";
  private final InProcessKeyVault vault = new InProcessKeyVault().grantNow();
  private final SecretCanary canary = SecretCanary.start();
  private final RotationHarness harness = new RotationHarness(vault, canary, false);
  private final List<String> registered = new ArrayList<>();

  @AfterEach
  void noValueLeaked() {
    try {
      canary.assertNoLeaks();
    } finally {
      canary.close();
    }
  }

  private RotationResult saved() {
    return RotationResult.fromMap(harness.context.notes.get("result")).orElseThrow();
  }

  private InterruptedRotation recovery() {
    return new InterruptedRotation(vault::credential, vault.cloud(), vault.httpClient(), registered::add);
  }

  @Test
  void aVersionKilledDuringValidationIsRolledBackToThePreviousValue() {
    AtomicReference<RotationResult> atTheKill = new AtomicReference<>();
    harness.run(KeyVaultSecretRotation.builder().vault("kv-jit-demo").secret("db-password")
        .validateWith((name, value, context) -> {
          atTheKill.set(saved());
          return RotationValidator.Result.passed("ok");
        }).build());
    assertThat(InterruptedRotation.unfinished(atTheKill.get())).isTrue();

    RotationResult now = recovery().finish(atTheKill.get(), RecordingOperationContext.REQUEST_ID);

    RotationResult.Secret secret = now.secrets().get(0);
    assertThat(vault.latestValue("db-password")).isEqualTo(SEED);
    assertThat(secret.rollback()).hasValueSatisfying(r -> assertThat(r).startsWith("RESTORE_PREVIOUS"));
    assertThat(secret.currentVersion()).isNotEqualTo(secret.newVersion()).isNotEqualTo(secret.previousVersion());
    assertThat(secret.validation().outcome()).isEqualTo(RotationResult.ValidationOutcome.INTERRUPTED);
    assertThat(registered).containsExactly(SEED);
  }

  @Test
  void aVersionWrittenAfterTheLastSaveIsFoundByItsRequestTagAndDisabled() {
    AtomicReference<RotationResult> beforeTheWrite = new AtomicReference<>();
    harness.run(KeyVaultSecretRotation.builder().vault("kv-jit-demo").secret("db-password")
        .rollback(RollbackMode.DISABLE_NEW).value(() -> {
          beforeTheWrite.set(saved());
          return "the-new-db-password-4b2e";
        }).build());
    assertThat(beforeTheWrite.get().secrets().get(0).newVersion()).isEmpty();

    RotationResult now = recovery().finish(beforeTheWrite.get(), RecordingOperationContext.REQUEST_ID);

    RotationResult.Secret secret = now.secrets().get(0);
    assertThat(secret.newVersion()).isPresent();
    assertThat(secret.rollback()).hasValueSatisfying(r -> assertThat(r).startsWith("DISABLE_NEW"));
    assertThat(secret.currentVersion()).isEqualTo(secret.previousVersion());
    assertThat(vault.versions("db-password")).filteredOn(v -> v.path("id").asText().endsWith("/" + secret.newVersion().get()))
        .singleElement().satisfies(v -> assertThat(v.path("attributes").path("enabled").asBoolean()).isFalse());
    assertThat(registered).isEmpty();
  }

  @Test
  void aFinishedRotationIsLeftAlone() {
    harness.run(KeyVaultSecretRotation.builder().vault("kv-jit-demo").secret("db-password")
        .validateWith((name, value, context) -> RotationValidator.Result.passed("ok")).build());
    RotationResult done = saved();

    assertThat(InterruptedRotation.unfinished(done)).isFalse();
    assertThat(recovery().finish(done, RecordingOperationContext.REQUEST_ID)).isEqualTo(done);
    assertThat(vault.latestValue("db-password")).isNotEqualTo(SEED);
  }
}
