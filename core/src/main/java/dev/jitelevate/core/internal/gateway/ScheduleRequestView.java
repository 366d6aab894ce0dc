package dev.jitelevate.core.internal.gateway;

import java.time.Instant;
import java.util.Optional;

/**
 * A schedule request as the service reports it.
 *
 * @param id the request's name/id
 * @param status parsed status
 * @param rawStatus the status text as sent
 * @param approvalId the approval to watch, when approval is required
 * @param start granted start, when known
 * @param end granted end (the server-side expiry), when known
 * @param targetScheduleId the schedule it created, when known
 * @param serviceRequestId the service's request id of the last call ({@code x-ms-request-id}), for records
 */
public record ScheduleRequestView(
    String id,
    RequestStatus status,
    String rawStatus,
    Optional<String> approvalId,
    Optional<Instant> start,
    Optional<Instant> end,
    Optional<String> targetScheduleId,
    Optional<String> serviceRequestId) {}
