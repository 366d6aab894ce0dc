package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.SurfaceException;

/** A request the ARM surface refuses, rendered as {@code {"error":{"code","message"}}} with its status. */
final class ArmException extends SurfaceException {
  ArmException(int status, String code, String message) {
    super(status, code, message);
  }
}
