package dev.jitelevate.runner.action;

import dev.jitelevate.core.Durations;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.keyvault.KeyVaultSecretRotation;
import dev.jitelevate.core.keyvault.StaleSecretsRotation;
import dev.jitelevate.core.keyvault.StalenessPolicy;
import dev.jitelevate.core.keyvault.MissingSecretPolicy;
import dev.jitelevate.core.keyvault.RollbackMode;
import dev.jitelevate.core.keyvault.RotationValidator;
import dev.jitelevate.core.keyvault.SecretGenerator;
import dev.jitelevate.core.keyvault.SecretGenerator.CharacterClass;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns the operation inputs into the privileged operation: none, or a Key Vault secret rotation. */
final class RotationSettings {
  private static final List<String> ROTATION_INPUTS = List.of("vault", "secrets", "secret-length", "secret-characters",
      "content-type", "secret-value-env", "secret-value-file", "validate-command", "validate-url", "secret-expires",
      "max-age", "expiring-within");

  private RotationSettings() {}

  /**
   * Builds the operation.
   *
   * @param log masks a supplied new value before anything else sees it
   * @param cloud the cloud whose vaults the vault input must name (checked before anything is elevated)
   * @throws ActionFailure or {@link dev.jitelevate.core.InvalidElevationRequestException} naming the input at fault
   */
  static Optional<PrivilegedOperation> parse(ActionEnvironment env, WorkflowLog log, dev.jitelevate.core.CloudProfile cloud) {
    String operation = env.input("operation").orElse("none").toLowerCase(Locale.ROOT);
    switch (operation) {
      case "none":
        for (String input : ROTATION_INPUTS) {
          if (env.input(input).isPresent()) {
            throw ActionFailure.input(input, input + " is only used with operation: keyvault-rotate. Set operation:"
                + " keyvault-rotate, or remove " + input + ".");
          }
        }
        return Optional.empty();
      case "keyvault-rotate":
        KeyVaultSecretRotation rotation = rotation(env, log);
        rotation.checkVault(cloud);
        return Optional.of(rotation);
      case "keyvault-rotate-stale":
        StaleSecretsRotation stale = staleRotation(env);
        stale.checkVault(cloud);
        return Optional.of(stale);
      default:
        throw ActionFailure.input("operation", "'" + UntrustedText.neutralize(operation, 40)
            + "' is not an operation. Use none, keyvault-rotate or keyvault-rotate-stale.");
    }
  }

  private static KeyVaultSecretRotation rotation(ActionEnvironment env, WorkflowLog log) {
    KeyVaultSecretRotation.Builder b = KeyVaultSecretRotation.builder()
        .vault(env.input("vault").orElseThrow(() -> ActionFailure.input("vault",
            "operation: keyvault-rotate needs the vault. Pass its name (e.g. kv-prod) or URL.")))
        .secrets(names(env.input("secrets").orElseThrow(() -> ActionFailure.input("secrets",
            "operation: keyvault-rotate needs the secrets to rotate. Pass their names, comma-separated, e.g. db-password,api-key."))))
        .rollback(rollback(env.input("rollback").orElse("restore-previous")))
        .whenMissing(env.flag("create-missing", false) ? MissingSecretPolicy.CREATE : MissingSecretPolicy.REFUSE);
    env.input("content-type").ifPresent(b::contentType);
    env.input("secret-expires").map(v -> Durations.parse("secret-expires", v)).ifPresent(b::expiresAfter);
    Optional<String> fromEnv = env.input("secret-value-env");
    Optional<String> fromFile = env.input("secret-value-file");
    if (fromEnv.isPresent() && fromFile.isPresent()) {
      throw ActionFailure.input("secret-value-file", "Both secret-value-env and secret-value-file were given. Pass one.");
    }
    if (fromEnv.isPresent() || fromFile.isPresent()) {
      if (env.input("secret-length").isPresent() || env.input("secret-characters").isPresent()) {
        throw ActionFailure.input("secret-length", "secret-length and secret-characters shape generated values, but a"
            + " value is supplied. Remove them, or remove secret-value-env/secret-value-file.");
      }
      String value = fromEnv.isPresent() ? valueFromVariable(env, fromEnv.get()) : valueFromFile(env, fromFile.get());
      log.mask(value);
      b.value(() -> value);
    } else {
      b.generatedBy(generator(env));
    }
    validator(env).ifPresent(b::validateWith);
    return b.build();
  }

  /** keyvault-rotate-stale: every stale secret of the vault, found under the elevation, with generated values. */
  private static StaleSecretsRotation staleRotation(ActionEnvironment env) {
    for (String input : List.of("secrets", "secret-value-env", "secret-value-file", "validate-command", "validate-url")) {
      if (env.input(input).isPresent()) {
        throw ActionFailure.input(input, input + " does not apply to operation: keyvault-rotate-stale, which finds the"
            + " secrets itself and generates their values. Remove " + input + ", or use operation: keyvault-rotate.");
      }
    }
    String vault = env.input("vault").orElseThrow(() -> ActionFailure.input("vault",
        "operation: keyvault-rotate-stale needs the vault. Pass its name (e.g. kv-prod) or URL."));
    StalenessPolicy policy = new StalenessPolicy(
        Durations.parse("max-age", env.input("max-age").orElse("90d")),
        Durations.parse("expiring-within", env.input("expiring-within").orElse("30d")));
    return new StaleSecretsRotation(vault, policy, rollback(env.input("rollback").orElse("restore-previous")));
  }

  static List<String> names(String text) {
    List<String> names = new ArrayList<>();
    for (String n : text.split("[,\\s]+")) {
      if (!n.isBlank()) names.add(n.strip());
    }
    return names;
  }

  private static SecretGenerator generator(ActionEnvironment env) {
    SecretGenerator.Builder g = SecretGenerator.builder();
    env.input("secret-length").ifPresent(v -> g.length(integer("secret-length", v)));
    Optional<String> classes = env.input("secret-characters");
    if (classes.isPresent()) {
      List<CharacterClass> parsed = new ArrayList<>();
      for (String c : names(classes.get())) {
        parsed.add(Arrays.stream(CharacterClass.values()).filter(k -> k.name().equalsIgnoreCase(c)).findFirst()
            .orElseThrow(() -> ActionFailure.input("secret-characters", "'" + UntrustedText.neutralize(c, 30)
                + "' is not a character class. Use upper, lower, digit and/or symbol, comma-separated.")));
      }
      g.classes(parsed.get(0), parsed.subList(1, parsed.size()).toArray(CharacterClass[]::new));
    }
    return g.build();
  }

  private static Optional<RotationValidator> validator(ActionEnvironment env) {
    Optional<String> command = env.input("validate-command");
    Optional<String> url = env.input("validate-url");
    if (command.isPresent() && url.isPresent()) {
      throw ActionFailure.input("validate-url", "Both validate-command and validate-url were given. Pass one.");
    }
    if (command.isPresent()) {
      return Optional.of(RotationValidator.command(List.of("/bin/sh", "-c", command.get()),
          env.input("validate-env").orElse("NEW_SECRET"),
          Durations.parse("validate-timeout", env.input("validate-timeout").orElse("2m"))));
    }
    return url.map(u -> RotationValidator.https(uri(u), 200));
  }

  private static URI uri(String text) {
    try {
      return URI.create(text);
    } catch (IllegalArgumentException e) {
      throw ActionFailure.input("validate-url", "'" + UntrustedText.neutralize(text, 80) + "' is not a URL. Pass an https URL.");
    }
  }

  private static RollbackMode rollback(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "restore-previous" -> RollbackMode.RESTORE_PREVIOUS;
      case "disable-new" -> RollbackMode.DISABLE_NEW;
      case "none" -> RollbackMode.NONE;
      default -> throw ActionFailure.input("rollback", "'" + UntrustedText.neutralize(text, 40)
          + "' is not a rollback mode. Use restore-previous, disable-new or none.");
    };
  }

  private static int integer(String input, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ActionFailure.input(input, "'" + UntrustedText.neutralize(text, 20) + "' is not a number. Pass e.g. 32.");
    }
  }

  private static String valueFromVariable(ActionEnvironment env, String variable) {
    return env.raw(variable).map(RotationSettings::withoutFinalNewline).orElseThrow(() -> ActionFailure.input(
        "secret-value-env", "The environment variable " + UntrustedText.neutralize(variable, 60) + " is not set or empty."
            + " Set it on the step (env: " + UntrustedText.neutralize(variable, 60) + ": ${{ secrets.NEW_VALUE }})."));
  }

  private static String valueFromFile(ActionEnvironment env, String file) {
    Path path = env.workspace().resolve(file).normalize();
    try {
      String value = withoutFinalNewline(Files.readString(path));
      if (value.isEmpty()) {
        throw ActionFailure.input("secret-value-file", "The file " + UntrustedText.neutralize(file, 100) + " is empty.");
      }
      return value;
    } catch (IOException e) {
      throw ActionFailure.input("secret-value-file", "The file " + UntrustedText.neutralize(file, 100)
          + " cannot be read (" + e.getClass().getSimpleName() + "). Pass a path relative to the workspace.");
    }
  }

  private static String withoutFinalNewline(String s) {
    return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
