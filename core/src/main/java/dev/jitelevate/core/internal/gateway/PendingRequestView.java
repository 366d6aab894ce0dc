package dev.jitelevate.core.internal.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A principal's own request that waits for approval, with its target resolved so that its policy (and so its
 * approvers) can be read.
 *
 * @param target what was asked for
 * @param requestId the schedule request's id
 * @param duration how long was asked for, when bounded
 * @param created when it was asked
 */
public record PendingRequestView(ResolvedTarget target, String requestId, Optional<Duration> duration, Instant created) {}
