package dev.jitelevate.runner.doctor;

import java.util.Optional;

/** A read the doctor needs was refused or failed: the service's error code, its message and request id. */
final class ReadException extends RuntimeException {
  private final String code;
  private final String requestId;

  ReadException(String what, String code, String message, String requestId) {
    super("Cannot read " + what + ": " + code + ": " + message + (requestId == null ? "" : " (request id " + requestId + ")"));
    this.code = code;
    this.requestId = requestId;
  }

  String code() {
    return code;
  }

  Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
