package dev.jitelevate.emulator.arm;

/** A request the ARM surface refuses, rendered as {@code {"error":{"code","message"}}} with its status. */
final class ArmException extends RuntimeException {
  private final int status;
  private final String code;

  ArmException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
