package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.keyvault.KeyVaultSecretRotation;
import dev.jitelevate.core.keyvault.StaleSecrets;
import dev.jitelevate.core.keyvault.StaleSecretsReport;
import dev.jitelevate.core.keyvault.StalenessPolicy;
import dev.jitelevate.runner.ExitCodes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jit-elevate secrets stale --vault V [--max-age 90d] [--expiring-within 30d] [--rotate --scope S]}: lists
 * the stale secrets of a vault by metadata (needs only list permission) and, with --rotate, rotates them all
 * under one elevation with the Key Vault rotation (probe, new versions, rollback), revoked after it.
 */
@Command(name = "stale", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"List a vault's stale secrets by metadata, never values.",
        "Stale: last rotated more than --max-age ago, expired, or expiring within --expiring-within. Needs only "
            + StaleSecrets.LIST_ACTION + ".",
        "With --rotate: rotate every stale secret under ONE elevation (--role on --scope), revoked after it."},
    footer = {"", "Example:", "  jit-elevate secrets stale --vault kv-prod --max-age 90d --rotate \\",
        "    --scope /subscriptions/{id}/resourceGroups/rg-app --justification \"quarterly rotation\""})
public final class StaleSecretsCommand implements Callable<Integer> {
  @ParentCommand
  SecretsCommand secrets;

  @Option(names = "--vault", required = true, paramLabel = "VAULT", description = "The vault's name or https URL.")
  String vault;

  @Option(names = "--max-age", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      defaultValue = "90d", description = "Stale when the current version is older than this (default ${DEFAULT-VALUE}).")
  Duration maxAge;

  @Option(names = "--expiring-within", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      defaultValue = "30d", description = "Stale when it expires within this (default ${DEFAULT-VALUE}); expired always is.")
  Duration expiringWithin;

  @Option(names = "--rotate", description = "Rotate every stale secret under one elevation, then revoke it.")
  boolean rotate;

  @Option(names = "--role", paramLabel = "ROLE", defaultValue = "Key Vault Secrets Officer",
      description = "With --rotate: the role to elevate to (default ${DEFAULT-VALUE}).")
  String role;

  @Option(names = "--scope", paramLabel = "SCOPE", description = "With --rotate: the ARM scope of the role, e.g. the vault's resource group.")
  String scope;

  @Option(names = "--strategy", paramLabel = "STRATEGY", converter = Converters.StrategyConverter.class, defaultValue = "self",
      description = "With --rotate: self (PIM self-activation) or broker (default ${DEFAULT-VALUE}).")
  Strategy strategy;

  @Option(names = "--principal-id", paramLabel = "ID", converter = Converters.PrincipalConverter.class,
      description = "With --rotate and --strategy broker: who is elevated (default: the signed-in identity).")
  PrincipalId principal;

  @Option(names = "--duration", paramLabel = "DURATION", converter = Converters.DurationConverter.class, defaultValue = "30m",
      description = "With --rotate: how long the elevation may last at most (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--justification", paramLabel = "TEXT", description = "With --rotate: why (default: rotate stale secrets of VAULT).")
  String justification;

  @Option(names = "--record-out", paramLabel = "FILE", description = "With --rotate: where to write the activation record.")
  Path recordOut;

  @Mixin
  SignInOptions signIn;

  @Mixin(name = "output")
  OutputOptions output;

  @Override
  public Integer call() {
    Console console = secrets.root.console();
    checkRotationOptions();
    SignIn session = new SignIn(signIn, secrets.root.env(), console);
    StaleSecretsReport report = StaleSecrets.find(vault, session.cloud(), session.identity(),
        new StalenessPolicy(maxAge, expiringWithin), Instant.now());
    if (!rotate || report.stale().isEmpty()) {
      print(console, report, Optional.empty(), null);
      return ExitCodes.OK;
    }
    KeyVaultSecretRotation rotation = KeyVaultSecretRotation.builder().vault(vault).secrets(report.names()).build();
    ElevationRequest request = ElevationRequest.builder().azureRole(role, scope).strategy(strategy).principal(principal)
        .duration(duration).justification(justification != null ? justification
            : "rotate " + report.stale().size() + " stale secrets of " + vault).build();
    ElevationOutcome outcome = session.elevator(new EventRenderer(console, output.quiet())).run(request, rotation);
    Path file = ElevationFile.writeRecord(recordOut != null ? recordOut : ElevationFile.defaultDirectory()
        .resolve("record-" + outcome.record().requestIds().stream().findFirst().orElse("stale-rotation") + ".json"),
        outcome.record());
    print(console, report, Optional.of(outcome), file);
    outcome.failure().ifPresent(f -> console.error("jit-elevate secrets stale: " + ShortErrorHandler.message(f)));
    return outcome.failure().map(f -> ExitCodes.of(f.kind())).orElse(ExitCodes.OK);
  }

  private void checkRotationOptions() {
    if (rotate && (scope == null || scope.isBlank())) {
      throw new CliInputException("--scope", "--rotate needs the scope of the role to elevate to.",
          "Pass --scope with the vault's resource group or resource id, e.g. /subscriptions/{id}/resourceGroups/rg-app.");
    }
    if (!rotate && (scope != null || principal != null || justification != null || recordOut != null)) {
      throw new CliInputException("--rotate", "Elevation options were given without --rotate.",
          "Add --rotate to rotate the stale secrets, or remove --scope/--principal-id/--justification/--record-out.");
    }
  }

  private void print(Console console, StaleSecretsReport report, Optional<ElevationOutcome> outcome, Path recordFile) {
    if (output.json()) {
      console.result(StaleSecretsJson.write(report, outcome.map(ElevationOutcome::record), recordFile));
      return;
    }
    StaleSecretsJson.lines(report).forEach(console::result);
    outcome.ifPresent(o -> Summary.of(o.record(), Optional.ofNullable(recordFile)).forEach(console::result));
    if (rotate && outcome.isEmpty()) {
      console.result("Nothing to rotate: no elevation was requested.");
    }
  }
}
