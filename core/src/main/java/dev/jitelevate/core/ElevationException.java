package dev.jitelevate.core;

import java.util.Optional;

/**
 * The root of every failure the core reports. Unchecked, like the Azure SDK's. Subclasses carry their
 * context as fields; {@link #kind()} classifies the failure for exit codes and records. Messages never
 * contain a secret value or a token.
 */
public class ElevationException extends RuntimeException {
  private final FailureKind kind;
  private final String azureErrorCode;
  private final String azureRequestId;
  private final int httpStatus;
  private volatile ActivationRecord record;

  public ElevationException(FailureKind kind, String message, String azureErrorCode, String azureRequestId, int httpStatus, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.azureErrorCode = azureErrorCode;
    this.azureRequestId = azureRequestId;
    this.httpStatus = httpStatus;
  }

  public ElevationException(FailureKind kind, String message) {
    this(kind, message, null, null, 0, null);
  }

  /** The class of failure. */
  public FailureKind kind() {
    return kind;
  }

  /** The service's error code ({@code RoleAssignmentRequestPolicyValidationFailed}, {@code AuthorizationFailed}...), when a service reported it. */
  public Optional<String> azureErrorCode() {
    return Optional.ofNullable(azureErrorCode);
  }

  /** The service's request id ({@code x-ms-request-id} / Graph {@code request-id}), when known. */
  public Optional<String> azureRequestId() {
    return Optional.ofNullable(azureRequestId);
  }

  /** The HTTP status the service answered with, or 0 when no service was involved. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The record of the run this failure ended, when the lifecycle attached one. */
  public Optional<ActivationRecord> record() {
    return Optional.ofNullable(record);
  }

  /** Attaches the record of the run this failure ended; the lifecycle calls this once, before throwing. */
  public ElevationException attachRecord(ActivationRecord value) {
    this.record = value;
    return this;
  }
}
