package dev.jitelevate.core;

/**
 * The service or an approver refused an elevation request after it was submitted: the request ended
 * {@code Denied}, {@code Failed}, {@code Canceled}, {@code TimedOut} (server side) ... Keeps the request id and the
 * status as the service wrote it.
 */
public class ActivationDeniedException extends ElevationException {
  private final String requestId;
  private final String status;
  private final ActivationRecord.Outcome outcome;

  /**
   * Creates the failure of a refused request.
   *
   * @param outcome how the run ends in its record ({@code DENIED}, {@code CANCELLED}, {@code TIMED_OUT} or
   *     {@code FAILED}), decided from the typed status, not from its text
   */
  public ActivationDeniedException(FailureKind kind, String requestId, String status, ActivationRecord.Outcome outcome,
      String message, String azureRequestId) {
    super(kind, message, null, azureRequestId, 0, null);
    this.requestId = requestId;
    this.status = status;
    this.outcome = java.util.Objects.requireNonNull(outcome, "outcome");
  }

  /** The schedule request that was refused. */
  public String requestId() {
    return requestId;
  }

  /** Its final status as the service wrote it ({@code Denied}, {@code Failed} ...). */
  public String status() {
    return status;
  }

  /** How the run ends in its record because of this refusal. */
  public ActivationRecord.Outcome outcome() {
    return outcome;
  }
}
