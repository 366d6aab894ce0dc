package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.OperationContext;
import dev.jitelevate.core.ProcessTree;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a command with the new value in the child's environment; exit code 0 passes. Its output is kept as
 * the last lines (never shown unredacted: the rotation replaces the value in them). When it ends, is timed out or
 * is cancelled, the processes it started go with it.
 */
final class CommandValidator implements RotationValidator {
  static final String NAME_VARIABLE = "JIT_ELEVATE_SECRET_NAME";
  private static final Pattern VARIABLE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
  /** How long to wait for a stopped command to end, and then for its output to drain. */
  private static final long DRAIN_MILLIS = 2_000;
  private static final Duration DRAIN = Duration.ofMillis(DRAIN_MILLIS);
  /** Marks the validator's processes, so that those init adopted are found and killed too. */
  static final String TREE_VARIABLE = "JIT_ELEVATE_VALIDATOR_RUN";

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
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    builder.environment().put(valueVariable, newValue);
    builder.environment().put(NAME_VARIABLE, secretName);
    ProcessTree tree = ProcessTree.marking(builder, TREE_VARIABLE);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return Result.failed("the command could not be started: " + e.getMessage());
    }
    OutputTail tail = OutputTail.follow(process.getInputStream(), "jit-elevate-validator-output");
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      tree.kill(process, DRAIN);
      List<String> output = tail.lines(DRAIN_MILLIS);
      Thread.currentThread().interrupt();
      return new Result(false, "stopped before it finished: the job was cancelled", output);
    }
    // Whatever it left in the background goes too: nothing keeps running with the value or holds the output open.
    tree.kill(process, DRAIN);
    List<String> output = tail.lines(DRAIN_MILLIS);
    if (!finished) {
      return new Result(false, "the command did not finish within " + timeout.toSeconds() + "s and was killed",
          output);
    }
    int exit = process.exitValue();
    return new Result(exit == 0, "exit code " + exit, output);
  }

  @Override
  public String describe() {
    return "command " + command.get(0);
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
