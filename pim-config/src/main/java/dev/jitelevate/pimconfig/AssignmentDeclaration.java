package dev.jitelevate.pimconfig;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What every declared assignment has, whatever its surface: a principal, eligible or active, and when it ends.
 * Without {@code end} or {@code duration} it is permanent.
 */
public sealed interface AssignmentDeclaration permits AzureRoleAssignment, DirectoryRoleAssignment, GroupAssignment {
  /** A group's display name, a user's principal name or an object id. */
  String principal();

  AssignmentKind kind();

  /** When it ends, if fixed. */
  Optional<Instant> end();

  /** How long it lasts from creation, if relative. */
  Optional<Duration> duration();

  Location location();

  /** How it reads in a plan. */
  String describe();

  /** True when it never expires. */
  default boolean permanent() {
    return end().isEmpty() && duration().isEmpty();
  }
}
