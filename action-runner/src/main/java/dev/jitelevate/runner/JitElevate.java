package dev.jitelevate.runner;

import dev.jitelevate.runner.action.ActionCommand;
import dev.jitelevate.runner.action.ActionPostCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The jit-elevate executable: the GitHub Action's entrypoints and the CLI for people. */
@Command(name = "jit-elevate", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Just-in-time privileges on Microsoft Entra ID and Azure: elevate, verify, do the work, revoke.",
    subcommands = {ActionCommand.class, ActionPostCommand.class})
public final class JitElevate {

  public static void main(String[] args) {
    System.exit(new CommandLine(new JitElevate()).execute(args));
  }
}
