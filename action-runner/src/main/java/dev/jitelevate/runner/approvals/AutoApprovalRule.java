package dev.jitelevate.runner.approvals;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One kind of request low-risk enough to approve without a person: where, which roles (or groups), at which
 * scopes (or group access), for how long at most, with what ticket, and whether only in working hours.
 *
 * @param name the rule's name, written into each decision it makes
 * @param surface where the request waits
 * @param roles role display names or definition ids (groups: group display names or ids)
 * @param scopes Azure: scopes at or below which a request may be (e.g. a resource group); directory: directory
 *     scope ids ({@code /}); groups: the access ({@code member} or {@code owner})
 * @param maxDuration the longest duration approved; a request without an end is never approved
 * @param ticketPattern when present, the ticket number the request must carry, matched as a whole
 * @param workingHoursOnly whether the rule approves only within the policy's working hours
 */
record AutoApprovalRule(String name, Surface surface, List<String> roles, List<String> scopes, Duration maxDuration,
    Optional<Pattern> ticketPattern, boolean workingHoursOnly) {
  AutoApprovalRule {
    roles = List.copyOf(roles);
    scopes = List.copyOf(scopes);
  }

  /** Why this rule does not approve the request (empty when it does, working hours aside). */
  Optional<String> mismatch(PendingApproval p) {
    if (p.surface() != surface) {
      return Optional.of("it is for " + surface.optionValue() + " requests");
    }
    if (roles.stream().noneMatch(r -> sameId(r, p.targetId()) || p.targetName().filter(r::equalsIgnoreCase).isPresent())) {
      return Optional.of(p.targetName().orElse(p.targetId()) + " is not one of its roles");
    }
    if (scopes.stream().noneMatch(s -> covers(s, p.scope()))) {
      return Optional.of(p.scope() + " is not within its scopes");
    }
    if (p.duration().isEmpty()) {
      return Optional.of("the request has no end");
    }
    if (p.duration().get().compareTo(maxDuration) > 0) {
      return Optional.of("duration " + p.duration().get() + " is over " + maxDuration);
    }
    if (ticketPattern.isPresent() && p.ticket().filter(t -> ticketPattern.get().matcher(t).matches()).isEmpty()) {
      return Optional.of(p.ticket().map(t -> "ticket '" + t + "' does not match " + ticketPattern.get().pattern())
          .orElse("the request carries no ticket"));
    }
    return Optional.empty();
  }

  private boolean covers(String allowed, String scope) {
    if (surface != Surface.AZURE_ROLE) {
      return allowed.equalsIgnoreCase(scope);
    }
    String a = trim(allowed);
    String s = trim(scope);
    return s.equals(a) || s.startsWith(a + "/") || a.isEmpty();
  }

  private static String trim(String scope) {
    String s = scope.toLowerCase(Locale.ROOT);
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static boolean sameId(String id, String target) {
    String i = id.toLowerCase(Locale.ROOT);
    String t = target.toLowerCase(Locale.ROOT);
    return t.equals(i) || t.endsWith("/" + i);
  }
}
