package dev.jitelevate.pimconfig;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared PIM for Groups assignment: a principal eligible for, or actively holding, membership or ownership
 * of a group.
 *
 * @param group the group's display name or object id
 */
public record GroupAssignment(String principal, String group, GroupAccess access, AssignmentKind kind,
    Optional<Instant> end, Optional<Duration> duration, Location location) implements AssignmentDeclaration {

  public GroupAssignment {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(duration, "duration");
    if (end.isPresent() && duration.isPresent()) {
      throw new IllegalArgumentException("an assignment has an end or a duration, not both");
    }
  }

  /** {@code eligible member of grp-prod-admins for alice@contoso.com}. */
  @Override
  public String describe() {
    return kind.fileName() + " " + access.fileName() + " of " + group + " for " + principal;
  }
}
