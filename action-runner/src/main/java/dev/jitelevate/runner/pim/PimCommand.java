package dev.jitelevate.runner.pim;

import dev.jitelevate.runner.JitElevate;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate pim …}: PIM eligibility and policies as code (import, plan, apply, drift, lint). */
@Command(name = "pim", mixinStandardHelpOptions = true,
    description = "PIM configuration as code: import a file from the tenant, plan and apply it, check drift, lint it.",
    subcommands = {PimImportCommand.class, PimPlanCommand.class, PimApplyCommand.class, PimDriftCommand.class,
        PimLintCommand.class})
public final class PimCommand {
  @ParentCommand
  JitElevate root;

  JitElevate root() {
    return root;
  }
}
