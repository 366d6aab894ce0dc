package dev.jitelevate.runner;

import dev.jitelevate.core.CloudHttp;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.Env;
import dev.jitelevate.runner.cli.ExitCodeMapper;
import dev.jitelevate.runner.cli.ShortErrorHandler;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The jit-elevate executable: the GitHub Action's entrypoints and the CLI for people. */
@Command(name = "jit-elevate", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Just-in-time privileges on Microsoft Entra ID and Azure: elevate, verify, do the work, revoke.",
    footer = {"", "Exit codes: 0 ok, 1 internal error, 2 bad input, 3 policy violation, 4 not authorized, "
        + "5 authentication, 6 denied, 7 timed out, 8 operation failed, 9 revoke failed, 10 service unavailable, "
        + "130 interrupted; elevate -- COMMAND exits with the command's code."})
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
   * The configured command line with every command: help as wide as the terminal (80 columns when it is not
   * one), short errors, one exit code per failure class.
   */
  public static CommandLine commandLine(JitElevate root) {
    return commandLine(root, Subcommands.every());
  }

  /**
   * The configured command line for one run: only the command these arguments name (every command when they
   * name none), which spares a run the model of the twelve it does not use.
   */
  public static CommandLine commandLine(JitElevate root, String[] args) {
    return commandLine(root, Subcommands.forArguments(args));
  }

  private static CommandLine commandLine(JitElevate root, List<Class<?>> commands) {
    ShortErrorHandler errors = new ShortErrorHandler(root.console());
    CommandLine line = new CommandLine(root);
    for (Class<?> command : commands) {
      line.addSubcommand(command);
    }
    return line.setUsageHelpAutoWidth(true)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setExitCodeExceptionMapper(new ExitCodeMapper());
  }

  /**
   * Builds the HTTP stack's shared parts (trust store, TLS, OkHttp, JSON) on a second thread while this one
   * models the command and parses its arguments, which takes about as long; the first request then goes out
   * that much sooner. A failure there is left for the command itself to meet and report.
   */
  private static void prepareHttpMeanwhile() {
    Thread prepare = new Thread(() -> {
      try {
        CloudHttp.prepare();
      } catch (RuntimeException | LinkageError e) {
        // the command builds the same parts again and reports what went wrong
      }
    }, "jit-elevate-prepare-http");
    prepare.setDaemon(true);
    prepare.start();
  }

  public static void main(String[] args) {
    // No logging backend on purpose: progress comes from the events; keep SLF4J's "no providers" notice quiet.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    // The one provider the jar has (slf4j-nop), named: SLF4J otherwise searches the class path for providers
    // with a ServiceLoader, about 30 ms of every start before the first request (JDK 17, BENCHMARKS.md).
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
    }
    if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
      System.out.println(new Version().getVersion()[0]); // without building the command line: nothing to parse
      System.exit(ExitCodes.OK);
    }
    // Not a Groovy script: spares picocli a failing class lookup (groovy.lang.Closure) for every object it makes.
    System.setProperty("picocli.disable.closures", "true");
    if (Subcommands.callsTheCloud(args)) {
      prepareHttpMeanwhile();
    }
    if (Subcommands.isActionStep(args)) {
      System.exit(Subcommands.runActionStep(args[0]));
    }
    System.exit(commandLine(new JitElevate(), args).execute(args));
  }
}
