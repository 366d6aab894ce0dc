package dev.jitelevate.runner.action;

import dev.jitelevate.core.FailureKind;
import dev.jitelevate.runner.ExitCodes;

/**
 * A failure of the action itself (bad input, a missing permission, an unreadable file): one annotation with
 * a title and a message that says what to fix, and the exit code. Never carries a secret.
 */
final class ActionFailure extends RuntimeException {
  private final String title;
  private final int exitCode;

  ActionFailure(String title, String message, int exitCode) {
    super(message);
    this.title = title;
    this.exitCode = exitCode;
  }

  /** Bad input: names the input and what to pass instead. */
  static ActionFailure input(String input, String message) {
    return new ActionFailure("Invalid input '" + input + "'", message, ExitCodes.USAGE);
  }

  /** Sign-in failures: the permission, the token, the federated credential. */
  static ActionFailure authentication(String title, String message) {
    return new ActionFailure(title, message, ExitCodes.of(FailureKind.AUTHENTICATION));
  }

  static ActionFailure internal(String title, String message) {
    return new ActionFailure(title, message, ExitCodes.INTERNAL_ERROR);
  }

  String title() {
    return title;
  }

  int exitCode() {
    return exitCode;
  }
}
