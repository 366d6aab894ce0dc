package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.keyvault.RotationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says in words what the operation did, from the record's typed result: which version of which secret is
 * live now and whether it was validated. Untrusted parts are the caller's to neutralise for its channel.
 */
final class OperationLines {
  private OperationLines() {}

  /** The rotation's result, when the record holds one. */
  static Optional<RotationResult> rotation(ActivationRecord record) {
    return RotationResult.fromMap(record.operation().get("result"));
  }

  /** One sentence per secret: what is current, and how it got there. */
  static List<String> describe(ActivationRecord record) {
    List<String> lines = new ArrayList<>();
    rotation(record).ifPresent(r -> r.secrets().forEach(s -> lines.add(describe(s))));
    return lines;
  }

  static String describe(RotationResult.Secret s) {
    String current = s.currentVersion().map(v -> "version " + v + " is current").orElse("no enabled version is current");
    if (s.newVersion().isEmpty()) {
      return "'" + s.name() + "': not rotated; " + current + ".";
    }
    String validation = switch (s.validation().outcome()) {
      case NOT_CONFIGURED -> "not validated (no validator configured)";
      case PENDING -> "never validated (the validator had not decided)";
      case PASSED -> "validated";
      case FAILED -> "rejected by its validator";
      case INTERRUPTED -> "never validated (the validator was stopped)";
    };
    String written = "new version " + s.newVersion().get() + " " + validation;
    boolean rolledBack = !s.newVersion().equals(s.currentVersion());
    return "'" + s.name() + "': " + written + "; " + current + (rolledBack ? " after the rollback" : "") + ".";
  }

  /** An {@code ::error::} per secret whose live version this run wrote and nothing validated. */
  static void reportUnvalidated(ActivationRecord record, WorkflowLog log) {
    rotation(record).ifPresent(r -> r.secrets().stream().filter(RotationResult.Secret::unvalidatedVersionLive)
        .forEach(s -> log.error("Unvalidated secret version live", UntrustedText.neutralize(describe(s), 600)
            + " Nothing rolled it back: check the secret's consumers, or roll back to version "
            + s.previousVersion().orElse("(none: the run created it)") + " in the vault.")));
  }

  /** The validator's last lines for a failed or stopped validation, for the log. */
  static List<String> validatorOutput(ActivationRecord record) {
    List<String> lines = new ArrayList<>();
    rotation(record).ifPresent(r -> r.secrets().stream()
        .filter(s -> !s.validation().output().isEmpty() && s.validation().outcome() != RotationResult.ValidationOutcome.PASSED)
        .forEach(s -> s.validation().output().forEach(l -> lines.add("'" + s.name() + "' validator: " + l))));
    return lines;
  }
}
