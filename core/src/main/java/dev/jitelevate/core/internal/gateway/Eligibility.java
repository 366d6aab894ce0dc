package dev.jitelevate.core.internal.gateway;

import java.time.Instant;
import java.util.Optional;

/** An eligibility covering the target; {@code scheduleId} links a SelfActivate to it. */
public record Eligibility(String scheduleId, String scope, Optional<Instant> end) {}
