package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.runner.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.IExitCodeExceptionMapper;

/** Gives each class of failure its own exit code (see {@link ExitCodes}). */
public final class ExitCodeMapper implements IExitCodeExceptionMapper {
  @Override
  public int getExitCode(Throwable exception) {
    Throwable t = exception instanceof CommandLine.ExecutionException && exception.getCause() != null
        ? exception.getCause() : exception;
    if (t instanceof ElevationException e) {
      return ExitCodes.of(e.kind());
    }
    if (t instanceof CliInputException || t instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    if (t instanceof InterruptedException) {
      return ExitCodes.of(dev.jitelevate.core.FailureKind.INTERRUPTED);
    }
    return ExitCodes.INTERNAL_ERROR;
  }
}
