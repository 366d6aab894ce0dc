package dev.jitelevate.core.internal.gateway;

import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.StatusReport;
import java.util.List;
import java.util.Optional;

/**
 * The port between the lifecycle steps and one service surface (ARM PIM, ARM plain RBAC, Graph directory
 * roles, Graph PIM for Groups). Implementations speak the wire through the official SDKs; they translate
 * service errors into {@link dev.jitelevate.core.ElevationException}s keeping the Azure error code and
 * request id, and retry transient failures (429 with Retry-After, 5xx, resets) themselves. Steps never see
 * an SDK type.
 */
public interface AccessSurface {

  /** Resolves names to ids (role display name to definition id, group name to id) and validates the scope exists. */
  ResolvedTarget resolve(ElevationTarget target);

  /** Resolves the identity behind a credential (its object id, type and display name). */
  PrincipalInfo whoAmI(CredentialSource identity);

  /** Looks up a principal by object id (display name and type), when it exists. */
  Optional<PrincipalInfo> principal(PrincipalId id);

  /** The policy in force for the target (max duration, justification/ticket/MFA/approval rules). */
  EffectivePolicy policy(ResolvedTarget target);

  /** The principal's eligibilities covering the target (empty for service principals: they cannot be eligible). */
  List<Eligibility> eligibilities(PrincipalId principal, ResolvedTarget target);

  /** The principal's active schedule instances (activated or assigned) for exactly this target. */
  List<ActiveInstance> activeInstances(PrincipalId principal, ResolvedTarget target);

  /** Submits a schedule request. Idempotent by {@link ScheduleRequestSpec#requestId()} on retry. */
  ScheduleRequestView submit(ScheduleRequestSpec spec);

  /** Validates a schedule request without persisting anything (ARM validate / Graph isValidationOnly). */
  ScheduleRequestView validate(ScheduleRequestSpec spec);

  /** Reads a request's current state. */
  ScheduleRequestView get(ResolvedTarget target, String requestId);

  /** Cancels a pending request (approval timed out, run interrupted). */
  void cancel(ResolvedTarget target, String requestId);

  /**
   * Checks once whether the access is effective for the elevated identity: the ARM permissions API shows the
   * probed actions at the scope, or a token issued now carries the directory role ({@code wids}) or group.
   *
   * @param target the target, with all of its role's actions (what the role grants decides how it can be shown)
   * @param probe the actions of the role to wait for (empty lists for directory roles and groups)
   */
  AccessCheck checkEffective(ResolvedTarget target, ResolvedTarget.RoleActions probe, PrincipalId principal,
      CredentialSource elevatedIdentity);

  /**
   * Lists the principal's eligible and active elevations on this surface (for {@code jit-elevate status}); empty
   * when the surface cannot list them (plain role assignments have no eligibilities).
   */
  default Optional<StatusReport> status(PrincipalId principal) {
    return Optional.empty();
  }

  /**
   * Lists the principal's requests on this surface that wait for approval (for {@code jit-elevate status}).
   *
   * @return empty when the surface cannot list them (plain role assignments have no requests to wait on)
   */
  default java.util.Optional<List<PendingRequestView>> pendingRequests(PrincipalId principal) {
    return java.util.Optional.empty();
  }
}
