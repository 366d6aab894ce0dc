package dev.jitelevate.pimconfig;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared assignment of an Azure (ARM) role: a principal eligible for, or actively holding, a role at a scope.
 * Without {@code end} or {@code duration} it is permanent.
 *
 * @param principal a group's display name, a user's principal name or an object id
 * @param role the role's name, e.g. {@code Contributor}
 * @param scope the ARM scope, e.g. {@code /subscriptions/…/resourceGroups/rg-app}
 * @param end when it ends, if fixed
 * @param duration how long it lasts from creation, if relative
 */
public record AzureRoleAssignment(String principal, String role, String scope, AssignmentKind kind,
    Optional<Instant> end, Optional<Duration> duration, Location location) implements AssignmentDeclaration {

  public AzureRoleAssignment {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(duration, "duration");
    scope = Scopes.normalize(Objects.requireNonNull(scope, "scope"));
    if (end.isPresent() && duration.isPresent()) {
      throw new IllegalArgumentException("an assignment has an end or a duration, not both");
    }
  }

  /** How it reads in a plan: {@code eligible Contributor for grp-ops at /subscriptions/…}. */
  @Override
  public String describe() {
    return kind.fileName() + " " + role + " for " + principal + " at " + scope;
  }
}
