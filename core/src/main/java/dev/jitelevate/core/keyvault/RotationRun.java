package dev.jitelevate.core.keyvault;

import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.OperationContext;
import dev.jitelevate.core.internal.wait.Uninterrupted;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One execution of a rotation: read every target first (refusing disabled or missing secrets before any
 * write), then per secret obtain and register the new value, write it, validate it; on a failure, roll back
 * every secret written so far. Records ids in the notes, never values.
 */
final class RotationRun {
  static final int MAX_VALUE_LENGTH = 25_000;
  private final KeyVaultSecretRotation spec;
  private final OperationContext context;
  private final Map<String, Map<String, Object>> secretNotes = new LinkedHashMap<>();
  private RotationResult result;

  RotationRun(KeyVaultSecretRotation spec, OperationContext context) {
    this.spec = spec;
    this.context = context;
  }

  void execute() {
    VaultSecrets vault = VaultSecrets.connect(context, VaultAddress.resolve(spec.vault, context.cloud()));
    context.note("keyvault.vault", vault.vaultUrl());
    context.note("keyvault.rollbackMode", spec.rollback.name());
    context.note("keyvault.validation", spec.validator.map(RotationValidator::describe).orElse("none"));
    List<SecretState> states = readAll(vault);
    if (context.dryRun()) {
      states.forEach(this::reportDryRun);
      return;
    }
    result = new RotationResult(vault.vaultUrl(), spec.rollback, states.stream().map(this::initial).toList());
    publish();
    List<RotatedSecret> done = new ArrayList<>();
    try {
      for (SecretState state : states) {
        stopIfInterrupted(state.name());
        String value = newValue(state.name());
        RotatedSecret rotated = new RotatedSecret(state, vault.write(state.name(), newVersion(state, value)));
        done.add(rotated);
        note(state.name(), "newVersion", rotated.newVersion());
        update(state.name(), s -> new RotationResult.Secret(s.name(), s.previousVersion(),
            Optional.of(rotated.newVersion()), Optional.of(rotated.newVersion()), s.validation(), s.rollback()));
        validate(state.name(), value);
      }
    } catch (ElevationException failure) {
      throw rollBack(vault, done, failure);
    }
  }

  private RotationResult.Secret initial(SecretState state) {
    Optional<String> previous = state.exists() ? Optional.of(state.version()) : Optional.empty();
    RotationResult.ValidationOutcome outcome = spec.validator.isPresent()
        ? RotationResult.ValidationOutcome.PENDING : RotationResult.ValidationOutcome.NOT_CONFIGURED;
    return new RotationResult.Secret(state.name().value(), previous, Optional.empty(), previous,
        new RotationResult.Validation(outcome, validatorName(), Optional.empty(), List.of()), Optional.empty());
  }

  private String validatorName() {
    return spec.validator.map(RotationValidator::describe).orElse("none");
  }

  private void update(SecretName name, UnaryOperator<RotationResult.Secret> change) {
    result = result.with(name.value(), change);
    publish();
  }

  private void publish() {
    context.result(result.toMap());
  }

  /** A cancelled job (SIGTERM/SIGINT interrupts this thread) writes no further secret. */
  private void stopIfInterrupted(SecretName next) {
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted("before secret '" + next + "' was written");
    }
  }

  private static ElevationException interrupted(String where) {
    return new ElevationException(FailureKind.INTERRUPTED, "The rotation was stopped " + where
        + ": the job was cancelled.", "Interrupted", null, 0, null);
  }

  private List<SecretState> readAll(VaultSecrets vault) {
    boolean keepValues = spec.rollback == RollbackMode.RESTORE_PREVIOUS && !context.dryRun();
    List<SecretState> states = new ArrayList<>();
    for (SecretName name : spec.secrets) {
      SecretState state = vault.current(name, keepValues);
      if (state.value() != null) {
        context.registerSecret(state.value());
      }
      if (!state.exists() && spec.whenMissing == MissingSecretPolicy.REFUSE) {
        throw new ElevationException(FailureKind.OPERATION_FAILED, "Secret '" + name + "' does not exist in "
            + vault.vaultUrl() + ", and the rotation refuses to create secrets; nothing was written. Check the name, "
            + "or allow creating the first version (missing-secret policy CREATE).", "SecretNotFound", null, 404, null);
      }
      note(name, "previousVersion", state.exists() ? state.version() : "none");
      states.add(state);
    }
    return states;
  }

  private void reportDryRun(SecretState state) {
    note(state.name(), "dryRun", state.exists()
        ? "would write a new version after version " + state.version()
        : "would create the secret's first version");
  }

  private String newValue(SecretName name) {
    String value;
    try {
      value = spec.values.get();
    } catch (RuntimeException e) {
      throw new ElevationException(FailureKind.OPERATION_FAILED, "The new value for secret '" + name
          + "' could not be obtained: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null, null, 0, null);
    }
    if (value == null || value.isEmpty()) {
      throw new ElevationException(FailureKind.OPERATION_FAILED, "The new value for secret '" + name + "' is empty. "
          + "Check the file or variable it is read from.");
    }
    context.registerSecret(value);
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new ElevationException(FailureKind.OPERATION_FAILED, "The new value for secret '" + name + "' has "
          + value.length() + " characters; Key Vault accepts at most 25 KB.");
    }
    return value;
  }

  private KeyVaultSecret newVersion(SecretState previous, String value) {
    Map<String, String> tags = new LinkedHashMap<>();
    previous.tags().forEach((k, v) -> {
      if (!k.toLowerCase(Locale.ROOT).startsWith("jit-elevate-")) {
        tags.put(k, v);
      }
    });
    tags.putAll(spec.tags);
    String runId = context.request().labels().get("github.run_id");
    if (runId != null && !runId.isBlank()) {
      tags.put(KeyVaultSecretRotation.RUN_TAG, runId);
    }
    String requestId = context.elevationRequestId();
    if (requestId != null && !requestId.isBlank()) {
      tags.put(KeyVaultSecretRotation.REQUEST_TAG, requestId);
    }
    SecretProperties properties = new SecretProperties().setEnabled(true).setTags(tags)
        .setContentType(spec.contentType.orElse(previous.contentType()));
    spec.expiresAfter.map(d -> context.clock().instant().plus(d)).or(() -> spec.expiresOn)
        .ifPresent(at -> properties.setExpiresOn(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)));
    spec.notBefore.ifPresent(at -> properties.setNotBefore(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)));
    return new KeyVaultSecret(previous.name().value(), value).setProperties(properties);
  }

  private void validate(SecretName name, String value) {
    if (spec.validator.isEmpty()) {
      return;
    }
    RotationValidator.Result verdict;
    try {
      verdict = spec.validator.get().validate(name.value(), value, context);
    } catch (RuntimeException e) {
      verdict = RotationValidator.Result.failed("the validator threw " + e.getClass().getSimpleName());
    }
    boolean interrupted = Thread.currentThread().isInterrupted();
    String detail = verdict.detail() == null ? "" : verdict.detail().replace(value, "***");
    List<String> output = verdict.output().stream().map(line -> line.replace(value, "***")).toList();
    RotationResult.ValidationOutcome outcome = interrupted ? RotationResult.ValidationOutcome.INTERRUPTED
        : verdict.passed() ? RotationResult.ValidationOutcome.PASSED : RotationResult.ValidationOutcome.FAILED;
    note(name, "validation", (interrupted ? "interrupted: " : verdict.passed() ? "passed: " : "failed: ") + detail);
    update(name, s -> new RotationResult.Secret(s.name(), s.previousVersion(), s.newVersion(), s.currentVersion(),
        new RotationResult.Validation(outcome, validatorName(), Optional.of(detail), output), s.rollback()));
    if (interrupted) {
      throw interrupted("while validating the new version of secret '" + name + "' (" + detail + ")");
    }
    if (!verdict.passed()) {
      String why = output.isEmpty() ? "" : " Its last output: " + String.join(" | ", lastLines(output, 5));
      throw new ElevationException(FailureKind.OPERATION_FAILED, "Validation of the new value of secret '" + name
          + "' failed (" + spec.validator.get().describe() + ": " + detail + ")." + why, "ValidationFailed", null, 0, null);
    }
  }

  private static List<String> lastLines(List<String> lines, int count) {
    return lines.subList(Math.max(0, lines.size() - count), lines.size());
  }

  private ElevationException rollBack(VaultSecrets vault, List<RotatedSecret> done, ElevationException failure) {
    if (done.isEmpty()) {
      return failure;
    }
    // A cancelled job interrupted this thread: the rollback's calls run all the same.
    return Uninterrupted.call(() -> rollBackAll(vault, done, failure));
  }

  private ElevationException rollBackAll(VaultSecrets vault, List<RotatedSecret> done, ElevationException failure) {
    List<String> outcomes = new ArrayList<>();
    List<Exception> rollbackFailures = new ArrayList<>();
    for (int i = done.size() - 1; i >= 0; i--) {
      RotatedSecret rotated = done.get(i);
      try {
        Rollback.Undone undone = Rollback.undo(vault, rotated, spec.rollback);
        String outcome = undone.description();
        note(rotated.name(), "rollback", outcome);
        update(rotated.name(), s -> new RotationResult.Secret(s.name(), s.previousVersion(), s.newVersion(),
            undone.currentVersion(), s.validation(), Optional.of(outcome)));
        outcomes.add("'" + rotated.name() + "': " + outcome);
      } catch (ElevationException e) {
        note(rotated.name(), "rollback", "FAILED: " + e.getMessage());
        update(rotated.name(), s -> new RotationResult.Secret(s.name(), s.previousVersion(), s.newVersion(),
            s.currentVersion(), s.validation(), Optional.of("FAILED: " + e.getMessage())));
        outcomes.add("'" + rotated.name() + "': rollback FAILED");
        rollbackFailures.add(e);
      }
    }
    ElevationException reported = new ElevationException(failure.kind(), failure.getMessage() + " Rollback ("
        + spec.rollback + "): " + String.join("; ", outcomes) + ".", failure.azureErrorCode().orElse(null),
        failure.azureRequestId().orElse(null), failure.httpStatus(), failure);
    rollbackFailures.forEach(reported::addSuppressed);
    return reported;
  }

  private void note(SecretName name, String key, Object value) {
    Map<String, Object> entry = secretNotes.computeIfAbsent(name.value(), n -> new LinkedHashMap<>());
    entry.put(key, value);
    context.note("keyvault.secret." + name.value(), Collections.unmodifiableMap(new LinkedHashMap<>(entry)));
  }
}
