package dev.jitelevate.core.internal.gateway;

import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.TicketInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A schedule request to submit. {@code requestId} is generated once by the lifecycle and reused on every
 * retry (ARM: the request name; Graph: remembered to find the request after an ambiguous failure). For
 * the rbac strategy it is the role assignment's name, and {@code description} carries the expiry marker.
 */
public record ScheduleRequestSpec(
    String requestId,
    ScheduleAction action,
    PrincipalId principal,
    ResolvedTarget target,
    Optional<Instant> start,
    Duration duration,
    String justification,
    Optional<TicketInfo> ticket,
    Optional<String> linkedEligibilityScheduleId,
    Optional<String> description) {}
