package dev.jitelevate.runner;

import dev.jitelevate.core.FailureKind;

/**
 * The process's exit codes, one per class of failure, so scripts and workflows can tell them apart.
 * 0 success, 1 unexpected internal error, 2 bad input (usage, inputs, files), then one per {@link FailureKind}.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int USAGE = 2;

  private ExitCodes() {}

  /** The exit code for a failure of the lifecycle. */
  public static int of(FailureKind kind) {
    return switch (kind) {
      case INVALID_REQUEST -> USAGE;
      case POLICY_VIOLATION -> 3;
      case NOT_AUTHORIZED -> 4;
      case AUTHENTICATION -> 5;
      case DENIED -> 6;
      case TIMED_OUT -> 7;
      case OPERATION_FAILED -> 8;
      case REVOKE_FAILED -> 9;
      case SERVICE_UNAVAILABLE -> 10;
      case INTERRUPTED -> 130;
      case INTERNAL -> INTERNAL_ERROR;
    };
  }
}
