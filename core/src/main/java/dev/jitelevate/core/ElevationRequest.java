package dev.jitelevate.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to elevate, for whom, for how long and why. Immutable; build with {@link #builder()}.
 *
 * @param principal the principal to elevate; empty means the signed-in identity (the workload identity in
 *     CI, the person on a laptop)
 * @param target the role or group access
 * @param duration how long; also the server-side expiry that is the backstop if revocation never runs
 * @param justification why (PIM's limit is 500 characters)
 * @param ticket optional ticket reference
 * @param strategy how the elevation is obtained
 * @param approvalTimeout how long to wait for an approver before cancelling the request
 * @param provisioningTimeout how long to wait for the request to be provisioned
 * @param propagationTimeout how long to wait until the access really works
 * @param revokePolicy what to do when revocation hits the 5-minute floor
 * @param dryRun validate against the service (ARM validate / Graph isValidationOnly) and submit nothing
 * @param labels CI metadata copied into the record (run id, PR URL ...); never secrets
 * @param onConflict what to do when the access is already active through another time-bound activation
 */
public record ElevationRequest(
    Optional<PrincipalId> principal,
    ElevationTarget target,
    Duration duration,
    String justification,
    Optional<TicketInfo> ticket,
    Strategy strategy,
    Duration approvalTimeout,
    Duration provisioningTimeout,
    Duration propagationTimeout,
    RevokePolicy revokePolicy,
    boolean dryRun,
    Map<String, String> labels,
    OnConflict onConflict) {

  /** A request that waits for a conflicting activation to end ({@link OnConflict#WAIT}). */
  public ElevationRequest(Optional<PrincipalId> principal, ElevationTarget target, Duration duration,
      String justification, Optional<TicketInfo> ticket, Strategy strategy, Duration approvalTimeout,
      Duration provisioningTimeout, Duration propagationTimeout, RevokePolicy revokePolicy, boolean dryRun,
      Map<String, String> labels) {
    this(principal, target, duration, justification, ticket, strategy, approvalTimeout, provisioningTimeout,
        propagationTimeout, revokePolicy, dryRun, labels, OnConflict.WAIT);
  }

  /** PIM's minimum activation (deactivation before it fails with ActiveDurationTooShort). */
  public static final Duration MINIMUM_DURATION = Duration.ofMinutes(5);
  /** The longest duration any PIM policy allows. */
  public static final Duration MAXIMUM_DURATION = Duration.ofDays(365);
  /** PIM's justification limit. */
  public static final int MAX_JUSTIFICATION = 500;

  public ElevationRequest {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(revokePolicy, "revokePolicy");
    Objects.requireNonNull(onConflict, "onConflict");
    justification = justification == null ? "" : justification.strip();
    labels = Map.copyOf(labels);
    if (duration.compareTo(MINIMUM_DURATION) < 0 || duration.compareTo(MAXIMUM_DURATION) > 0) {
      throw new InvalidElevationRequestException("duration",
          "The duration " + Durations.format(duration) + " is outside what PIM accepts.",
          "Use at least 5m (PIM's floor) and at most what the role's policy allows, e.g. 30m or 1h.");
    }
    if (justification.length() > MAX_JUSTIFICATION) {
      throw new InvalidElevationRequestException("justification",
          "The justification has " + justification.length() + " characters.",
          "Shorten it to at most " + MAX_JUSTIFICATION + " characters.");
    }
    if (justification.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n')) {
      throw new InvalidElevationRequestException("justification", "The justification contains control characters.",
          "Remove them; use plain text.");
    }
    if (strategy == Strategy.RBAC && !(target instanceof ElevationTarget.AzureRole)) {
      throw new InvalidElevationRequestException("strategy", "The rbac strategy works only for Azure roles.",
          "Use broker or self for directory roles and groups.");
    }
    if (strategy == Strategy.RBAC && revokePolicy == RevokePolicy.LEAVE_TO_EXPIRY) {
      throw new InvalidElevationRequestException("revoke-policy",
          "The rbac strategy creates plain role assignments, which have no server-side expiry to leave them to.",
          "Use the post (or after-operation) revoke policy with rbac, or the broker strategy to leave access to expire.");
    }
    requirePositive("approval-timeout", approvalTimeout);
    requirePositive("provisioning-timeout", provisioningTimeout);
    requirePositive("propagation-timeout", propagationTimeout);
  }

  private static void requirePositive(String input, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new InvalidElevationRequestException(input, "The " + input + " must be a positive duration.", "Use e.g. 10m.");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with the defaults: broker strategy, 30 minutes, 15m approval, 5m provisioning, 10m propagation. */
  public static final class Builder {
    private PrincipalId principal;
    private ElevationTarget target;
    private Duration duration = Duration.ofMinutes(30);
    private String justification = "";
    private TicketInfo ticket;
    private Strategy strategy = Strategy.BROKER;
    private Duration approvalTimeout = Duration.ofMinutes(15);
    private Duration provisioningTimeout = Duration.ofMinutes(5);
    private Duration propagationTimeout = Duration.ofMinutes(10);
    private RevokePolicy revokePolicy = RevokePolicy.WAIT_FOR_MINIMUM;
    private OnConflict onConflict = OnConflict.WAIT;
    private boolean dryRun;
    private final Map<String, String> labels = new LinkedHashMap<>();

    public Builder principal(PrincipalId value) { this.principal = value; return this; }
    public Builder target(ElevationTarget value) { this.target = value; return this; }
    public Builder azureRole(String role, String scope) { return target(new ElevationTarget.AzureRole(RoleRef.parse(role), ArmScope.parse(scope))); }
    public Builder directoryRole(String role) { return target(new ElevationTarget.DirectoryRole(RoleRef.parse(role), DirectoryScope.tenant())); }
    public Builder group(String group, GroupAccess access) { return target(new ElevationTarget.Group(GroupRef.parse(group), access)); }
    public Builder duration(Duration value) { this.duration = value; return this; }
    public Builder justification(String value) { this.justification = value; return this; }
    public Builder ticket(TicketInfo value) { this.ticket = value; return this; }
    public Builder strategy(Strategy value) { this.strategy = value; return this; }
    public Builder approvalTimeout(Duration value) { this.approvalTimeout = value; return this; }
    public Builder provisioningTimeout(Duration value) { this.provisioningTimeout = value; return this; }
    public Builder propagationTimeout(Duration value) { this.propagationTimeout = value; return this; }
    public Builder revokePolicy(RevokePolicy value) { this.revokePolicy = value; return this; }
    public Builder dryRun(boolean value) { this.dryRun = value; return this; }
    public Builder onConflict(OnConflict value) { this.onConflict = java.util.Objects.requireNonNull(value); return this; }
    public Builder label(String key, String value) { this.labels.put(key, value); return this; }

    /**
     * Builds the request.
     *
     * @throws InvalidElevationRequestException when an input is missing or out of range
     */
    public ElevationRequest build() {
      if (target == null) {
        throw new InvalidElevationRequestException("target", "No target was given.",
            "Say what to elevate to: an Azure role and scope, a directory role, or a group.");
      }
      return new ElevationRequest(Optional.ofNullable(principal), target, duration, justification,
          Optional.ofNullable(ticket), strategy, approvalTimeout, provisioningTimeout, propagationTimeout,
          revokePolicy, dryRun, labels, onConflict);
    }
  }
}
