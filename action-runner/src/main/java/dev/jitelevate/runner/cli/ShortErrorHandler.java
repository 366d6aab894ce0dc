package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.runner.ExitCodes;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every error into one short line on stderr (and, with --json, a JSON error on stdout) and an exit
 * code from {@link ExitCodeMapper}. No stack trace unless --stacktrace was given.
 */
public final class ShortErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final Console console;
  private final ExitCodeMapper codes = new ExitCodeMapper();

  public ShortErrorHandler(Console console) {
    this.console = console;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    String command = ex.getCommandLine().getCommandSpec().qualifiedName();
    console.error(command + ": " + oneLine(ex.getMessage()) + " (see '" + command + " --help')");
    if (java.util.Arrays.asList(args).contains("--stacktrace")) {
      console.stackTrace(ex);
    }
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    OutputOptions output = outputOf(commandLine);
    int code = codes.getExitCode(ex);
    String line = message(ex);
    console.error(commandLine.getCommandSpec().qualifiedName() + ": " + line);
    if (output.json()) {
      console.result(Json.error(ex, line, code));
    }
    if (output.stacktrace()) {
      console.stackTrace(ex);
    }
    if (ex instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return code;
  }

  /** The one line shown for an error: the option at fault for bad input, the kind and the Azure code otherwise. */
  static String message(Throwable ex) {
    if (ex instanceof InvalidElevationRequestException e) {
      return optionFor(e.input()) + ": " + oneLine(e.getMessage());
    }
    if (ex instanceof CliInputException e) {
      return e.option() + ": " + oneLine(e.getMessage());
    }
    if (ex instanceof ElevationException e) {
      StringBuilder b = new StringBuilder(e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(": ").append(oneLine(e.getMessage()));
      e.azureErrorCode().ifPresent(c -> b.append(" [").append(c).append(']'));
      e.azureRequestId().ifPresent(id -> b.append(" (request id ").append(id).append(')'));
      if (e.kind() == dev.jitelevate.core.FailureKind.INTERNAL) {
        b.append(" (run again with --stacktrace and report it)");
      }
      return b.toString();
    }
    return "internal error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage()))
        + " (run again with --stacktrace and report it)";
  }

  /** The CLI option behind a core input name. */
  static String optionFor(String input) {
    switch (input) {
      case "environment": return "--cloud";
      case "handle": case "record": return "--handle";
      case "access": return "--access";
      default: return "--" + input;
    }
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  private static OutputOptions outputOf(CommandLine commandLine) {
    Object mixin = commandLine.getMixins().get("output");
    return mixin instanceof OutputOptions o ? o : new OutputOptions();
  }
}
