package dev.jitelevate.runner.records;

import dev.jitelevate.runner.JitElevate;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate records …}: what security teams do with activation records once runs have written them. */
@Command(name = "records", mixinStandardHelpOptions = true,
    description = "Work with activation records written by elevate, the action and demo.",
    subcommands = {RecordsShipCommand.class, RecordsReportCommand.class})
public final class RecordsCommand {
  @ParentCommand
  JitElevate root;

  public JitElevate root() {
    return root;
  }
}
