package dev.jitelevate.emulator.kernel;

/** Thrown when a request body cannot be parsed; each surface renders it in its own error envelope. */
public final class MalformedBodyException extends RuntimeException {
  public MalformedBodyException(String message) {
    super(message);
  }
}
