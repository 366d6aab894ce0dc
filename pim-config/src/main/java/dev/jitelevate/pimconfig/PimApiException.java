package dev.jitelevate.pimconfig;

import java.util.Optional;

/**
 * A call to ARM or Graph failed: keeps the HTTP status, the service's error code and its request id. The message
 * never contains a token.
 */
public final class PimApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final Optional<String> requestId;

  public PimApiException(String operation, int status, String code, String message, Optional<String> requestId) {
    super(operation + " failed: HTTP " + status + " " + code + ": " + message
        + requestId.map(id -> " (request id " + id + ")").orElse(""));
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }

  public int status() {
    return status;
  }

  /** The service's error code, e.g. {@code RoleAssignmentExists}. */
  public String code() {
    return code;
  }

  public Optional<String> requestId() {
    return requestId;
  }
}
