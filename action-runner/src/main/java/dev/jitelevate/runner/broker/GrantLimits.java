package dev.jitelevate.runner.broker;

import dev.jitelevate.core.Durations;
import dev.jitelevate.runner.cli.TargetKind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an allow rule may grant: the target kind, roles or groups (names or ids, case-insensitive), a scope
 * prefix (whole segments), a maximum duration, a ticket, a justification pattern and an approval environment.
 */
public record GrantLimits(TargetKind target, List<String> roles, Optional<String> scopePrefix, List<String> groups,
    Duration maxDuration, boolean ticketRequired, Optional<Pattern> justificationPattern,
    Optional<String> approvalEnvironment) {
  public GrantLimits {
    roles = List.copyOf(roles);
    groups = List.copyOf(groups);
  }

  /** Why the request exceeds these limits, or empty when it is within them. */
  Optional<String> violation(GrantRequest request, VerifiedClaims claims) {
    if (request.target() != target) {
      return Optional.of("target " + request.target().optionValue() + " is not " + target.optionValue());
    }
    if (!roles.isEmpty() && !request.role().map(r -> containsIgnoreCase(roles, r)).orElse(false)) {
      return Optional.of("role '" + request.role().orElse("") + "' is not one of " + roles);
    }
    if (!groups.isEmpty() && !request.group().map(g -> containsIgnoreCase(groups, g)).orElse(false)) {
      return Optional.of("group '" + request.group().orElse("") + "' is not one of " + groups);
    }
    if (scopePrefix.isPresent() && !request.scope().map(s -> within(s, scopePrefix.get())).orElse(false)) {
      return Optional.of("scope '" + request.scope().orElse("") + "' is not within " + scopePrefix.get());
    }
    if (request.duration().compareTo(maxDuration) > 0) {
      return Optional.of("duration " + Durations.format(request.duration()) + " exceeds max-duration "
          + Durations.format(maxDuration));
    }
    if (ticketRequired && request.ticket().isEmpty()) {
      return Optional.of("a ticket is required (ticket-required) and none was given");
    }
    if (justificationPattern.isPresent()
        && !request.justification().map(j -> justificationPattern.get().matcher(j).matches()).orElse(false)) {
      return Optional.of("the justification does not match justification-pattern " + justificationPattern.get().pattern());
    }
    if (approvalEnvironment.isPresent()
        && !claims.get(ClaimName.ENVIRONMENT).map(approvalEnvironment.get()::equals).orElse(false)) {
      return Optional.of("approval through environment '" + approvalEnvironment.get()
          + "' is required and the token's environment is '" + claims.get(ClaimName.ENVIRONMENT).orElse("") + "'");
    }
    return Optional.empty();
  }

  /** Whether {@code scope} is {@code prefix} or below it, comparing whole path segments case-insensitively. */
  static boolean within(String scope, String prefix) {
    String s = trimSlash(scope).toLowerCase(Locale.ROOT);
    String p = trimSlash(prefix).toLowerCase(Locale.ROOT);
    return p.isEmpty() || s.equals(p) || s.startsWith(p + "/");
  }

  private static String trimSlash(String path) {
    String t = path.strip();
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  private static boolean containsIgnoreCase(List<String> values, String value) {
    return values.stream().anyMatch(v -> v.equalsIgnoreCase(value.strip()));
  }
}
