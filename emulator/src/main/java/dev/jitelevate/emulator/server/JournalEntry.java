package dev.jitelevate.emulator.server;

import java.time.Instant;

/**
 * One request the emulator served, as the journal records it (never a token or a body).
 *
 * @param at when the request arrived (emulator clock)
 * @param method HTTP method
 * @param path decoded path
 * @param query the raw query string, or empty
 * @param status the status answered, or 0 when the connection was reset
 * @param durationMs time spent serving, including added latency
 * @param surface the surface that owned the request, or {@code none}
 * @param requestId the {@code x-ms-request-id} given to the request
 * @param callerObjectId the {@code oid} of the bearer token's principal, or null when there was none
 */
public record JournalEntry(
    Instant at,
    String method,
    String path,
    String query,
    int status,
    long durationMs,
    String surface,
    String requestId,
    String callerObjectId) {}
