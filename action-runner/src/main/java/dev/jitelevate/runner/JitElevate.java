package dev.jitelevate.runner;

import dev.jitelevate.runner.action.ActionCommand;
import dev.jitelevate.runner.action.ActionPostCommand;
import dev.jitelevate.runner.approvals.ApprovalsCommand;
import dev.jitelevate.runner.broker.BrokerCommand;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.DemoCommand;
import dev.jitelevate.runner.cli.ElevateCommand;
import dev.jitelevate.runner.cli.Env;
import dev.jitelevate.runner.cli.ExitCodeMapper;
import dev.jitelevate.runner.cli.RevokeCommand;
import dev.jitelevate.runner.cli.SecretsCommand;
import dev.jitelevate.runner.cli.ShortErrorHandler;
import dev.jitelevate.runner.cli.StatusCommand;
import dev.jitelevate.runner.cli.SweepCommand;
import dev.jitelevate.runner.pim.PimCommand;
import dev.jitelevate.runner.records.RecordsCommand;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The jit-elevate executable: the GitHub Action's entrypoints and the CLI for people. */
@Command(name = "jit-elevate", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Just-in-time privileges on Microsoft Entra ID and Azure: elevate, verify, do the work, revoke.",
    footer = {"", "Exit codes: 0 ok, 1 internal error, 2 bad input, 3 policy violation, 4 not authorized, "
        + "5 authentication, 6 denied, 7 timed out, 8 operation failed, 9 revoke failed, 10 service unavailable, "
        + "130 interrupted; elevate -- COMMAND exits with the command's code."},
    subcommands = {ElevateCommand.class, StatusCommand.class, RevokeCommand.class, SweepCommand.class,
        DemoCommand.class, RecordsCommand.class, SecretsCommand.class, PimCommand.class, BrokerCommand.class,
        ApprovalsCommand.class, ActionCommand.class, ActionPostCommand.class, AutoComplete.GenerateCompletion.class})
public final class JitElevate {
  private final Env env;
  private final Console console;

  /** The CLI over this process's environment and console. */
  public JitElevate() {
    this(Env.system(), Console.system(new Redactor()));
  }

  /** The CLI over the given environment and console (tests). */
  public JitElevate(Env env, Console console) {
    this.env = env;
    this.console = console;
  }

  public Env env() {
    return env;
  }

  public Console console() {
    return console;
  }

  /**
   * The configured command line: help as wide as the terminal (80 columns when it is not one), short errors,
   * one exit code per failure class.
   */
  public static CommandLine commandLine(JitElevate root) {
    ShortErrorHandler errors = new ShortErrorHandler(root.console());
    return new CommandLine(root)
        .setUsageHelpAutoWidth(true)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setExitCodeExceptionMapper(new ExitCodeMapper());
  }

  public static void main(String[] args) {
    // No logging backend on purpose: progress comes from the events; keep SLF4J's "no providers" notice quiet.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(commandLine(new JitElevate()).execute(args));
  }
}
