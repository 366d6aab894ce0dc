package dev.jitelevate.pimconfig;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A directory role or PIM for Groups assignment as the tenant holds it (eligibility, or an admin-made active
 * assignment; activations are not configuration and are left out).
 *
 * @param targetId the directory role's id, or the group's id
 * @param scope the directory scope ({@code /} or {@code /administrativeUnits/{id}}), or the access ({@code member}
 *     or {@code owner})
 * @param start when it began, if known
 */
record LiveGraphAssignment(Surface surface, AssignmentKind kind, String principalId, String targetId, String scope,
    Instant start, Optional<Instant> end) {

  String key() {
    return key(surface, kind, principalId, targetId, scope);
  }

  static String key(Surface surface, AssignmentKind kind, String principalId, String targetId, String scope) {
    return (surface + "|" + kind + "|" + principalId + "|" + targetId + "|" + scope).toLowerCase(Locale.ROOT);
  }
}
