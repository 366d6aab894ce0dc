package dev.jitelevate.pimconfig;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared assignment of a Microsoft Entra (directory) role, tenant-wide or in an administrative unit.
 *
 * @param role the role's display name, e.g. {@code User Administrator}
 * @param administrativeUnit the administrative unit (display name or object id) it is limited to; empty for the tenant
 */
public record DirectoryRoleAssignment(String principal, String role, Optional<String> administrativeUnit,
    AssignmentKind kind, Optional<Instant> end, Optional<Duration> duration, Location location)
    implements AssignmentDeclaration {

  public DirectoryRoleAssignment {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(administrativeUnit, "administrativeUnit");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(duration, "duration");
    if (end.isPresent() && duration.isPresent()) {
      throw new IllegalArgumentException("an assignment has an end or a duration, not both");
    }
  }

  /** {@code eligible User Administrator for grp-helpdesk in the tenant} (or {@code in administrative unit au-x}). */
  @Override
  public String describe() {
    return kind.fileName() + " " + role + " for " + principal + " " + where(administrativeUnit);
  }

  static String where(Optional<String> administrativeUnit) {
    return administrativeUnit.map(au -> "in administrative unit " + au).orElse("in the tenant");
  }
}
