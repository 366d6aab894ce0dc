package dev.jitelevate.core.keyvault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a rotation did, secret by secret: versions before, written and current (after any rollback), and how
 * validation went, with the validator's last lines of output (redacted, bounded). Ids only, never a value.
 * Recorded as the activation record's {@code operation.result}.
 *
 * @param vault the vault's URL
 * @param rollbackMode how failures are undone
 * @param secrets one entry per secret, in the order they were given
 */
public record RotationResult(String vault, RollbackMode rollbackMode, List<Secret> secrets) {
  /** The {@code kind} of this result in the record. */
  public static final String KIND = "keyvault-rotation";

  public RotationResult {
    secrets = List.copyOf(secrets);
  }

  /** How the validation of one new version went. */
  public enum ValidationOutcome {
    /** No validator was configured. */
    NOT_CONFIGURED,
    /** Not run yet, or still running (a record saved during validation says this). */
    PENDING,
    PASSED,
    FAILED,
    /** Stopped by a cancelled job (SIGTERM/SIGINT) before it decided. */
    INTERRUPTED
  }

  /**
   * The validation of one new version.
   *
   * @param outcome what it decided
   * @param validator what ran, e.g. {@code command ./check-db.sh}
   * @param detail what was observed (exit code, HTTP status), never the value
   * @param output the validator's last lines of output, redacted and bounded
   */
  public record Validation(ValidationOutcome outcome, String validator, Optional<String> detail, List<String> output) {
    public Validation {
      output = List.copyOf(output);
    }
  }

  /**
   * One secret's rotation.
   *
   * @param name the secret
   * @param previousVersion the version current before the run (empty: the run created the secret)
   * @param newVersion the version this run wrote (empty: nothing written)
   * @param currentVersion the version current now: the new one, or the one a rollback wrote or left current
   * @param validation how the new version's validation went
   * @param rollback what the rollback did, when one ran
   */
  public record Secret(String name, Optional<String> previousVersion, Optional<String> newVersion,
      Optional<String> currentVersion, Validation validation, Optional<String> rollback) {

    /** Whether the version now current was written by this run and not validated as passing. */
    public boolean unvalidatedVersionLive() {
      return newVersion.isPresent() && newVersion.equals(currentVersion)
          && validation.outcome() != ValidationOutcome.PASSED && validation.outcome() != ValidationOutcome.NOT_CONFIGURED;
    }

    Secret with(UnaryOperator<Secret> change) {
      return change.apply(this);
    }
  }

  /** Replaces the entry of one secret. */
  RotationResult with(String name, UnaryOperator<Secret> change) {
    List<Secret> updated = new ArrayList<>();
    for (Secret s : secrets) {
      updated.add(s.name().equals(name) ? s.with(change) : s);
    }
    return new RotationResult(vault, rollbackMode, updated);
  }

  /** The JSON form for the record (strings only at the boundary). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", KIND);
    map.put("vault", vault);
    map.put("rollbackMode", rollbackMode.name());
    List<Object> list = new ArrayList<>();
    for (Secret s : secrets) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", s.name());
      s.previousVersion().ifPresent(v -> entry.put("previousVersion", v));
      s.newVersion().ifPresent(v -> entry.put("newVersion", v));
      s.currentVersion().ifPresent(v -> entry.put("currentVersion", v));
      Map<String, Object> validation = new LinkedHashMap<>();
      validation.put("outcome", s.validation().outcome().name());
      validation.put("validator", s.validation().validator());
      s.validation().detail().ifPresent(d -> validation.put("detail", d));
      validation.put("output", s.validation().output());
      entry.put("validation", validation);
      s.rollback().ifPresent(r -> entry.put("rollback", r));
      list.add(entry);
    }
    map.put("secrets", list);
    return map;
  }

  /**
   * Reads the result back from a record's {@code operation.result}, when it is a rotation's.
   *
   * @return empty when the map is not a rotation result or is damaged
   */
  public static Optional<RotationResult> fromMap(Object value) {
    if (!(value instanceof Map<?, ?> map) || !KIND.equals(map.get("kind"))) {
      return Optional.empty();
    }
    try {
      List<Secret> secrets = new ArrayList<>();
      for (Object o : (List<?>) map.get("secrets")) {
        Map<?, ?> e = (Map<?, ?>) o;
        Map<?, ?> v = (Map<?, ?>) e.get("validation");
        List<String> output = v.get("output") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        secrets.add(new Secret(String.valueOf(e.get("name")), text(e, "previousVersion"), text(e, "newVersion"),
            text(e, "currentVersion"), new Validation(ValidationOutcome.valueOf(String.valueOf(v.get("outcome"))),
                String.valueOf(v.get("validator")), text(v, "detail"), output), text(e, "rollback")));
      }
      return Optional.of(new RotationResult(String.valueOf(map.get("vault")),
          RollbackMode.valueOf(String.valueOf(map.get("rollbackMode"))), secrets));
    } catch (RuntimeException damaged) {
      return Optional.empty();
    }
  }

  private static Optional<String> text(Map<?, ?> map, String key) {
    return Optional.ofNullable(map.get(key)).map(String::valueOf);
  }
}
