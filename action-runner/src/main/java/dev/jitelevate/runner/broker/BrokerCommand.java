package dev.jitelevate.runner.broker;

import dev.jitelevate.runner.JitElevate;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate broker …}: the hardened broker's policy, checked offline. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "The broker's policy as code: check what a verified GitHub ID token may be granted.",
    subcommands = {BrokerCheckCommand.class})
public final class BrokerCommand {
  @ParentCommand
  JitElevate root;

  JitElevate root() {
    return root;
  }
}
