package dev.jitelevate.core;

/** What class of failure ended an elevation; the CLI maps each to its own exit code. */
public enum FailureKind {
  /** The request was invalid before anything was submitted (bad scope, unknown role, duration out of range). */
  INVALID_REQUEST,
  /** A PIM policy rule refused the request ({@code ExpirationRule}, {@code JustificationRule}, {@code MfaRule}, ...). */
  POLICY_VIOLATION,
  /** The principal is not eligible for self-activation, or the broker lacks the rights to assign. */
  NOT_AUTHORIZED,
  /** Signing in failed (bad credential, federated subject mismatch, missing id-token permission). */
  AUTHENTICATION,
  /** An approver denied the request, or the service denied or failed it. */
  DENIED,
  /** Approval, provisioning or propagation did not finish before its deadline. */
  TIMED_OUT,
  /** The privileged operation itself failed. */
  OPERATION_FAILED,
  /** Revocation failed; the server-side expiry remains the backstop. */
  REVOKE_FAILED,
  /** The service kept failing (5xx, throttling, resets) beyond the retry budget. */
  SERVICE_UNAVAILABLE,
  /** The run was interrupted (SIGTERM, thread interrupt). */
  INTERRUPTED,
  /** An unexpected exception: a bug in jit-elevate (or the JVM failing), not in the request or the service. */
  INTERNAL
}
