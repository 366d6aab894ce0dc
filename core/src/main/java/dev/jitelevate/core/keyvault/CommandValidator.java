package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.OperationContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Runs a command with the new value in the child's environment; exit code 0 passes. */
final class CommandValidator implements RotationValidator {
  static final String NAME_VARIABLE = "JIT_ELEVATE_SECRET_NAME";
  private static final Pattern VARIABLE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

  private final List<String> command;
  private final String valueVariable;
  private final Duration timeout;

  CommandValidator(List<String> command, String valueVariable, Duration timeout) {
    if (command == null || command.isEmpty() || command.get(0).isBlank()) {
      throw new InvalidElevationRequestException("validate-command", "The validation command is empty.",
          "Give the program to run and its arguments, e.g. ./check-db.sh.");
    }
    if (valueVariable == null || !VARIABLE.matcher(valueVariable).matches()) {
      throw new InvalidElevationRequestException("validate-env",
          "'" + valueVariable + "' is not a valid environment variable name.", "Use letters, digits and _, e.g. NEW_SECRET.");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new InvalidElevationRequestException("validate-timeout", "The validation timeout must be positive.",
          "Use e.g. 2m.");
    }
    this.command = List.copyOf(command);
    this.valueVariable = valueVariable;
    this.timeout = timeout;
  }

  @Override
  public Result validate(String secretName, String newValue, OperationContext context) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    builder.environment().put(valueVariable, newValue);
    builder.environment().put(NAME_VARIABLE, secretName);
    try {
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return Result.failed("the command did not finish within " + timeout.toSeconds() + "s and was killed");
      }
      int exit = process.exitValue();
      return exit == 0 ? Result.passed("exit code 0") : Result.failed("exit code " + exit);
    } catch (IOException e) {
      return Result.failed("the command could not be started: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.failed("interrupted while the command ran");
    }
  }

  @Override
  public String describe() {
    return "command " + command.get(0);
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
