package dev.jitelevate.runner.approvals;

/** A refused or failed approval call, with the service's error code and request id (never a token). */
public final class ApprovalException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final String requestId;

  ApprovalException(String code, String message, String requestId) {
    super(code + ": " + message + (requestId == null ? "" : " (request id " + requestId + ")"));
    this.code = code;
    this.requestId = requestId;
  }

  public String code() {
    return code;
  }

  public String requestId() {
    return requestId;
  }
}
