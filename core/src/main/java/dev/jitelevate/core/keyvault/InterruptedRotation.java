package dev.jitelevate.core.keyvault;

import com.azure.core.http.HttpClient;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finishes a rotation whose process was killed (SIGKILL, a lost runner) before it ended, from the
 * {@link RotationResult} it saved before and while it wrote: every version the run wrote that is still current
 * is rolled back as the saved rollback mode says, exactly as the run itself would have on a failure. A version
 * written after the last save is found by its {@link KeyVaultSecretRotation#REQUEST_TAG}. Runs while the
 * elevation is still active (the action's post step calls it before it revokes); needs what the rotation
 * needs. Never reads a value except the previous version's, to write it again, and registers that first.
 *
 * <pre>{@code
 * RotationResult now = new InterruptedRotation(credentials, cloud, http, log::mask).finish(saved, requestId);
 * }</pre>
 */
public final class InterruptedRotation {
  private final CredentialSource credentials;
  private final CloudProfile cloud;
  private final HttpClient http;
  private final Consumer<String> registerSecret;

  /**
   * @param credentials the elevated identity (still elevated)
   * @param cloud the cloud the vault belongs to
   * @param http the HTTP client to use
   * @param registerSecret called with the previous value before it is used anywhere, so it can be masked
   */
  public InterruptedRotation(CredentialSource credentials, CloudProfile cloud, HttpClient http,
      Consumer<String> registerSecret) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.cloud = Objects.requireNonNull(cloud, "cloud");
    this.http = Objects.requireNonNull(http, "http");
    this.registerSecret = Objects.requireNonNull(registerSecret, "registerSecret");
  }

  /**
   * Whether the saved result is of a rotation that did not finish: a secret not yet written, a written version
   * not validated as passing, or a rollback begun.
   */
  public static boolean unfinished(RotationResult saved) {
    return saved.secrets().stream().anyMatch(s -> s.newVersion().isEmpty() || s.rollback().isPresent()
        || (s.validation().outcome() != RotationResult.ValidationOutcome.PASSED
            && s.validation().outcome() != RotationResult.ValidationOutcome.NOT_CONFIGURED));
  }

  /**
   * Rolls back what an unfinished rotation left current, newest secret first; a finished one is returned as is.
   * A secret whose rollback fails keeps its current version and says why in {@code rollback}.
   *
   * @param saved the result the killed run saved last
   * @param requestId the id of the request whose elevation the run held (its versions carry it as a tag)
   * @return the result with the versions current now
   */
  public RotationResult finish(RotationResult saved, String requestId) {
    if (!unfinished(saved)) {
      return saved;
    }
    VaultSecrets vault;
    try {
      vault = VaultSecrets.connect(credentials, http, VaultAddress.resolve(saved.vault(), cloud));
    } catch (RuntimeException e) {
      return failedAll(saved, "the vault cannot be reached: " + e.getMessage());
    }
    List<RotationResult.Secret> secrets = new ArrayList<>(saved.secrets());
    for (int i = secrets.size() - 1; i >= 0; i--) {
      RotationResult.Secret s = secrets.get(i);
      try {
        secrets.set(i, finish(vault, saved.rollbackMode(), s, requestId));
      } catch (RuntimeException e) {
        secrets.set(i, withRollback(s, s.currentVersion(), "FAILED: " + e.getMessage()));
      }
    }
    return new RotationResult(saved.vault(), saved.rollbackMode(), secrets);
  }

  private RotationResult.Secret finish(VaultSecrets vault, RollbackMode mode, RotationResult.Secret s, String requestId) {
    if (s.rollback().isPresent() && !s.newVersion().equals(s.currentVersion())) {
      return s;
    }
    SecretName name = new SecretName(s.name());
    SecretState latest = vault.current(name, false);
    Optional<String> written = s.newVersion().or(() -> writtenAfterTheLastSave(s, latest, requestId));
    if (written.isEmpty()) {
      return new RotationResult.Secret(s.name(), s.previousVersion(), Optional.empty(), version(latest),
          s.validation(), s.rollback());
    }
    RotationResult.Secret known = new RotationResult.Secret(s.name(), s.previousVersion(), written, s.currentVersion(),
        undecided(s.validation()), s.rollback());
    if (!latest.exists() || !written.get().equals(latest.version())) {
      String restored = latest.tags().get(Rollback.RESTORED_FROM_TAG);
      String why = restored != null && s.previousVersion().map(restored::equals).orElse(false)
          ? "RESTORE_PREVIOUS: the previous value (version " + restored + ") was written again as version " + latest.version()
          : "none needed: version " + written.get() + " is no longer current";
      return withRollback(known, version(latest), why);
    }
    SecretState previous = s.previousVersion().map(v -> previousState(vault, mode, name, v))
        .orElseGet(() -> SecretState.missing(name));
    Rollback.Undone undone = Rollback.undo(vault, new RotatedSecret(previous, written.get()), mode);
    return withRollback(known, undone.currentVersion(), undone.description());
  }

  /** The previous version, with its value only when it is to be written again. */
  private SecretState previousState(VaultSecrets vault, RollbackMode mode, SecretName name, String version) {
    if (mode != RollbackMode.RESTORE_PREVIOUS) {
      return new SecretState(name, true, version, null, null, null);
    }
    SecretState state = vault.version(name, version);
    if (state.value() != null) {
      registerSecret.accept(state.value());
    }
    return state;
  }

  /** A version the run wrote after it last saved its result: current, not the previous one, tagged with its request. */
  private static Optional<String> writtenAfterTheLastSave(RotationResult.Secret s, SecretState latest, String requestId) {
    boolean ours = latest.exists() && !latest.version().equals(s.previousVersion().orElse(null))
        && requestId != null && !requestId.isBlank() && requestId.equals(latest.tags().get(KeyVaultSecretRotation.REQUEST_TAG));
    return ours ? Optional.of(latest.version()) : Optional.empty();
  }

  private static RotationResult.Validation undecided(RotationResult.Validation v) {
    return v.outcome() != RotationResult.ValidationOutcome.PENDING ? v : new RotationResult.Validation(
        RotationResult.ValidationOutcome.INTERRUPTED, v.validator(),
        Optional.of("the run was killed before the validator decided"), v.output());
  }

  private static Optional<String> version(SecretState state) {
    return state.exists() ? Optional.of(state.version()) : Optional.empty();
  }

  private static RotationResult.Secret withRollback(RotationResult.Secret s, Optional<String> current, String rollback) {
    return new RotationResult.Secret(s.name(), s.previousVersion(), s.newVersion(), current, s.validation(),
        Optional.of(rollback));
  }

  private static RotationResult failedAll(RotationResult saved, String why) {
    return new RotationResult(saved.vault(), saved.rollbackMode(), saved.secrets().stream()
        .map(s -> s.newVersion().isEmpty() ? s : withRollback(s, s.currentVersion(), "FAILED: " + why)).toList());
  }
}
