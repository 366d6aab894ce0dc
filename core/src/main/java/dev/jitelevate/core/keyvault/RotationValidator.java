package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.OperationContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Checks that a rotated secret's new value works before the rotation is declared done. When it fails, the
 * rotation rolls back as its {@link RollbackMode} says. Implementations must not put the value in their
 * result (the rotation redacts it anyway).
 */
@FunctionalInterface
public interface RotationValidator {

  /**
   * Checks the new value of one secret.
   *
   * @param secretName the secret just rotated
   * @param newValue its new value; never log or return it
   * @param context the operation's context (HTTP client, clock)
   */
  Result validate(String secretName, String newValue, OperationContext context);

  /** A short description for the record, e.g. {@code command ./check-db.sh}. */
  default String describe() {
    return "custom validator";
  }

  /**
   * The verdict.
   *
   * @param passed whether the new value works
   * @param detail what was observed (exit code, HTTP status), never the value
   * @param output the validator's last lines of output (why it failed); the rotation redacts and bounds them
   */
  record Result(boolean passed, String detail, java.util.List<String> output) {
    public Result {
      output = output == null ? java.util.List.of() : java.util.List.copyOf(output);
    }

    public Result(boolean passed, String detail) {
      this(passed, detail, java.util.List.of());
    }

    public static Result passed(String detail) {
      return new Result(true, detail);
    }

    public static Result failed(String detail) {
      return new Result(false, detail);
    }
  }

  /**
   * Runs a command with the new value in an environment variable of the child process (never on its
   * command line, where {@code ps} would show it) and the secret's name in {@code JIT_ELEVATE_SECRET_NAME}.
   * Exit code 0 passes. The last lines of its output (stdout and stderr) are kept for the record, with the
   * value redacted. When the thread is interrupted (a cancelled job), the command and its children are
   * stopped and the validation ends undecided, with the interrupt flag set again. Processes the command
   * leaves running when it exits or times out are stopped too: none keeps the value in its environment.
   *
   * @param command the program and its arguments
   * @param valueVariable the environment variable that receives the value, e.g. {@code NEW_SECRET}
   * @param timeout how long the command may run; it is killed after that and the validation fails
   * @throws dev.jitelevate.core.InvalidElevationRequestException when the command is empty, the variable name
   *     invalid or the timeout not positive
   */
  static RotationValidator command(List<String> command, String valueVariable, Duration timeout) {
    return new CommandValidator(command, valueVariable, timeout);
  }

  /**
   * Sends {@code GET url} through the operation's HTTP client and passes when the status is the expected one
   * (a health endpoint of the service that uses the secret, say).
   *
   * @throws dev.jitelevate.core.InvalidElevationRequestException when the URL is not https
   */
  static RotationValidator https(URI url, int expectedStatus) {
    return new HttpsValidator(url, expectedStatus);
  }
}
