package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.RevokePolicy;
import dev.jitelevate.core.TicketInfo;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the revoke step takes away, and on what terms: everything it needs, whether it comes from this run
 * or from a handle another process wrote.
 *
 * @param handle the access to revoke
 * @param target the target it was granted on
 * @param subject the target as described to people (in events and failures)
 * @param policy what to do inside PIM's deactivation floor
 * @param duration the duration the removal request states (PIM requires one)
 * @param ticket the ticket the removal request cites, when any
 * @param confirmTimeout how long to wait for the access to be gone once removal was accepted
 * @param sharedDetail the record's detail when the run shared another run's activation ({@code on-conflict: share})
 */
record RevokeOrder(RevocationHandle handle, ResolvedTarget target, String subject, RevokePolicy policy,
    Duration duration, Optional<TicketInfo> ticket, Duration confirmTimeout, Optional<String> sharedDetail) {

  RevokeOrder {
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(confirmTimeout, "confirmTimeout");
    Objects.requireNonNull(sharedDetail, "sharedDetail");
  }

  /** The order for a handle a run holds, on the terms of its request. */
  static RevokeOrder of(RevocationHandle handle, ResolvedTarget target, ElevationRequest request, Optional<String> sharedDetail) {
    return new RevokeOrder(handle, target, request.target().describe(), request.revokePolicy(), request.duration(),
        request.ticket(), request.provisioningTimeout(), sharedDetail);
  }

  /** The duration a handle's own window states, within what a request may ask for. */
  static Duration windowOf(RevocationHandle h) {
    Duration d = Duration.between(h.activatedAt(), h.expiresAt());
    return d.compareTo(ElevationRequest.MINIMUM_DURATION) < 0 ? ElevationRequest.MINIMUM_DURATION
        : d.compareTo(ElevationRequest.MAXIMUM_DURATION) > 0 ? ElevationRequest.MAXIMUM_DURATION : d;
  }
}
