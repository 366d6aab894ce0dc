package dev.jitelevate.core;

/**
 * The service or an approver refused an elevation request after it was submitted: the request ended
 * {@code Denied}, {@code Failed}, {@code Canceled}, {@code TimedOut} (server side) ... Keeps the request id and the
 * status as the service wrote it.
 */
public class ActivationDeniedException extends ElevationException {
  private final String requestId;
  private final String status;

  public ActivationDeniedException(FailureKind kind, String requestId, String status, String message,
      String azureRequestId) {
    super(kind, message, null, azureRequestId, 0, null);
    this.requestId = requestId;
    this.status = status;
  }

  /** The schedule request that was refused. */
  public String requestId() {
    return requestId;
  }

  /** Its final status as the service wrote it ({@code Denied}, {@code Failed} ...). */
  public String status() {
    return status;
  }
}
