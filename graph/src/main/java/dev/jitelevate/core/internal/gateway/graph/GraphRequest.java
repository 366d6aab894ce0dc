package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.ExpirationPattern;
import com.microsoft.graph.models.ExpirationPatternType;
import com.microsoft.graph.models.RequestSchedule;
import com.microsoft.kiota.PeriodAndDuration;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A directory-role or group schedule request as Graph reported it, in one shape for both families.
 *
 * @param id Graph's id (Graph assigns it; ours travels in the justification, see {@link RequestMarker})
 * @param status the status text as sent ({@code Provisioned}, {@code PendingApproval} ...)
 * @param action the camelCase action ({@code selfActivate} ...)
 */
record GraphRequest(String id, String status, Optional<String> approvalId, String action, String principalId,
    String justification, Optional<String> targetScheduleId, Optional<Instant> created, Optional<Instant> start,
    Optional<Instant> end) {

  /** The schedule to send: from the spec's start (or now, when absent) for the spec's duration. */
  static RequestSchedule scheduleOf(ScheduleRequestSpec spec) {
    RequestSchedule schedule = new RequestSchedule();
    spec.start().ifPresent(s -> schedule.setStartDateTime(s.atOffset(ZoneOffset.UTC)));
    ExpirationPattern expiration = new ExpirationPattern();
    expiration.setType(ExpirationPatternType.AfterDuration);
    expiration.setDuration(PeriodAndDuration.ofDuration(spec.duration()));
    schedule.setExpiration(expiration);
    return schedule;
  }

  /** When a schedule ends: its end date, or its start plus its duration. */
  static Optional<Instant> endOf(RequestSchedule schedule) {
    if (schedule == null || schedule.getExpiration() == null) {
      return Optional.empty();
    }
    ExpirationPattern expiration = schedule.getExpiration();
    if (expiration.getEndDateTime() != null) {
      return Optional.of(expiration.getEndDateTime().toInstant());
    }
    Optional<Instant> start = instant(schedule.getStartDateTime());
    return start.flatMap(s -> durationOf(expiration.getDuration()).map(s::plus));
  }

  static Optional<Instant> startOf(RequestSchedule schedule) {
    return schedule == null ? Optional.empty() : instant(schedule.getStartDateTime());
  }

  static Optional<Duration> durationOf(PeriodAndDuration value) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofDays(value.getPeriod().toTotalMonths() * 30L + value.getPeriod().getDays())
        .plus(value.getDuration()));
  }

  static Optional<Instant> instant(OffsetDateTime value) {
    return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
  }
}
