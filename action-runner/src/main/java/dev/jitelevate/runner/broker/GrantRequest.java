package dev.jitelevate.runner.broker;

import dev.jitelevate.runner.cli.TargetKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the broker is asked to grant, as the caller typed it.
 *
 * @param target the kind of target
 * @param role role name or definition id (azure-role, directory-role), else empty
 * @param scope ARM or directory scope, else empty
 * @param group group id or name (group), else empty
 * @param duration how long
 * @param ticket the ticket number, if any
 * @param justification the justification, if any
 */
public record GrantRequest(TargetKind target, Optional<String> role, Optional<String> scope, Optional<String> group,
    Duration duration, Optional<String> ticket, Optional<String> justification) {
  public GrantRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(duration, "duration");
    role = blankToEmpty(role);
    scope = blankToEmpty(scope);
    group = blankToEmpty(group);
    ticket = blankToEmpty(ticket);
    justification = blankToEmpty(justification);
  }

  /** The request in one line, for decisions and the record. */
  public String describe() {
    StringBuilder b = new StringBuilder(target.optionValue());
    role.ifPresent(r -> b.append(" role '").append(r).append('\''));
    group.ifPresent(g -> b.append(" group '").append(g).append('\''));
    scope.ifPresent(s -> b.append(" at ").append(s));
    return b.append(" for ").append(dev.jitelevate.core.Durations.format(duration)).toString();
  }

  private static Optional<String> blankToEmpty(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
  }
}
