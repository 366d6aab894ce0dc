package dev.jitelevate.runner.approvals;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When people are at work to notice a mistake: these days, from one time of day up to (not including) another,
 * in the policy's time zone. A window whose end is before its start runs over midnight.
 */
record WorkingHours(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
  WorkingHours {
    days = Set.copyOf(days);
  }

  boolean contains(ZonedDateTime at) {
    LocalTime time = at.toLocalTime();
    if (!from.isAfter(to)) {
      return days.contains(at.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }
    return time.isBefore(to) ? days.contains(at.getDayOfWeek().minus(1)) : days.contains(at.getDayOfWeek())
        && !time.isBefore(from);
  }

  @Override
  public String toString() {
    return from + "-" + to + " on " + days.stream().sorted().map(d -> d.name().substring(0, 3)).toList();
  }
}
