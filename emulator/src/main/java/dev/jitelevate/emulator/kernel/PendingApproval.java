package dev.jitelevate.emulator.kernel;

import java.time.Instant;

/**
 * An approval as the admin API shows it.
 *
 * @param surface {@code arm}, {@code directory} or {@code group}
 * @param approvalId the id the service returns in the request's {@code approvalId}
 * @param requestId the schedule request waiting on it
 * @param principalId who asked
 * @param role role or group access requested
 * @param scope scope requested
 * @param status {@code InProgress}, {@code Approved}, {@code Denied} or {@code TimedOut}
 * @param createdAt when it was opened
 */
public record PendingApproval(
    String surface,
    String approvalId,
    String requestId,
    String principalId,
    String role,
    String scope,
    String status,
    Instant createdAt) {}
