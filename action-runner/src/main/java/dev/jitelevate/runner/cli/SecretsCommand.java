package dev.jitelevate.runner.cli;

import dev.jitelevate.runner.JitElevate;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate secrets …}: Key Vault secret hygiene. */
@Command(name = "secrets", mixinStandardHelpOptions = true,
    description = "Find Key Vault secrets that need rotating, and rotate them under one elevation.",
    subcommands = {StaleSecretsCommand.class})
public final class SecretsCommand {
  @ParentCommand
  JitElevate root;
}
