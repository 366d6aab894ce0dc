package dev.jitelevate.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proof of one elevation: what was asked, what was granted, when every step happened, how it ended.
 * Serialised as JSON that validates against {@code core/src/main/resources/schema/activation-record-v1.schema.json}.
 * Never holds a secret value or a token.
 */
public record ActivationRecord(
    String schemaVersion,
    List<String> requestIds,
    Principal principal,
    Target target,
    Strategy strategy,
    String justification,
    Optional<TicketInfo> ticket,
    Window window,
    Timeline timeline,
    Optional<Approval> approval,
    Outcome outcome,
    Revocation revocation,
    Optional<Failure> error,
    int retries,
    int apiCalls,
    Map<String, Object> operation,
    Map<String, String> ci,
    Optional<Exposure> exposure,
    List<TargetSection> targets) {

  public static final String SCHEMA_VERSION = "1.3";

  public ActivationRecord {
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  /** A record of one target (schema 1.2 and earlier, or a single-target run). */
  public ActivationRecord(String schemaVersion, List<String> requestIds, Principal principal, Target target,
      Strategy strategy, String justification, Optional<TicketInfo> ticket, Window window, Timeline timeline,
      Optional<Approval> approval, Outcome outcome, Revocation revocation, Optional<Failure> error, int retries,
      int apiCalls, Map<String, Object> operation, Map<String, String> ci, Optional<Exposure> exposure) {
    this(schemaVersion, requestIds, principal, target, strategy, justification, ticket, window, timeline, approval,
        outcome, revocation, error, retries, apiCalls, operation, ci, exposure, List.of());
  }

  /** A record without an {@code exposure} section (schema 1.1 and earlier, or nothing became active). */
  public ActivationRecord(String schemaVersion, List<String> requestIds, Principal principal, Target target,
      Strategy strategy, String justification, Optional<TicketInfo> ticket, Window window, Timeline timeline,
      Optional<Approval> approval, Outcome outcome, Revocation revocation, Optional<Failure> error, int retries,
      int apiCalls, Map<String, Object> operation, Map<String, String> ci) {
    this(schemaVersion, requestIds, principal, target, strategy, justification, ticket, window, timeline, approval,
        outcome, revocation, error, retries, apiCalls, operation, ci, Optional.empty(), List.of());
  }

  /** This record with its {@code exposure} section replaced. */
  public ActivationRecord withExposure(Optional<Exposure> value) {
    return new ActivationRecord(schemaVersion, requestIds, principal, target, strategy, justification, ticket, window,
        timeline, approval, outcome, revocation, error, retries, apiCalls, operation, ci, value, targets);
  }

  /** This record with its per-target sections replaced (a multi-target elevation). */
  public ActivationRecord withTargets(List<TargetSection> value) {
    return new ActivationRecord(schemaVersion, requestIds, principal, target, strategy, justification, ticket, window,
        timeline, approval, outcome, revocation, error, retries, apiCalls, operation, ci, exposure, value);
  }

  /**
   * When the access this run created became usable: provisioning, else the granted start. Empty when the run
   * created nothing active ({@code NOT_CREATED}), used access that existed before it ({@code PRE_EXISTING}), or
   * the record does not know.
   */
  public Optional<Instant> accessStart() {
    return createdAccess() ? timeline.provisioned().or(window::grantedStart) : Optional.empty();
  }

  /**
   * When the access this run created ended (revocation, else the run's end) or ends (the marked expiry, else the
   * granted end). Empty as for {@link #accessStart()}.
   */
  public Optional<Instant> accessEnd() {
    if (!createdAccess()) {
      return Optional.empty();
    }
    return revocation.status() == RevocationStatus.REVOKED
        ? timeline.revoked().or(timeline::finished)
        : revocation.expiresAt().or(window::grantedEnd);
  }

  private boolean createdAccess() {
    return revocation.status() != RevocationStatus.NOT_CREATED && revocation.status() != RevocationStatus.PRE_EXISTING;
  }

  /** Who was elevated. */
  public record Principal(String id, Optional<String> displayName, Optional<String> type) {}

  /** What was elevated; {@code groupAccess} only for groups. */
  public record Target(TargetKind kind, Optional<String> roleDefinitionId, Optional<String> roleName, String scope,
      Optional<GroupAccess> groupAccess) {}

  /** The kind of target: {@code azure-role}, {@code directory-role} or {@code group} in the record's JSON. */
  public enum TargetKind {
    AZURE_ROLE, DIRECTORY_ROLE, GROUP;

    /** The record's JSON value: {@code azure-role}, {@code directory-role} or {@code group}. */
    public String wireValue() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** Requested duration and the window the service granted. */
  public record Window(Duration requested, Optional<Instant> grantedStart, Optional<Instant> grantedEnd) {}

  /** A timestamp for every step that happened. */
  public record Timeline(Instant requested, Optional<Instant> submitted, Optional<Instant> approved,
      Optional<Instant> provisioned, Optional<Instant> verified, Optional<Instant> operationStarted,
      Optional<Instant> operationEnded, Optional<Instant> revoked, Optional<Instant> finished) {}

  /** Who approved or denied, when the policy required approval. */
  public record Approval(String approvalId, Optional<String> approverId, Optional<String> decision,
      Optional<String> justification, Optional<Instant> decidedAt) {}

  /** How the run ended. */
  public enum Outcome { SUCCEEDED, FAILED, DENIED, TIMED_OUT, CANCELLED, DRY_RUN, IN_PROGRESS }

  /** How the elevation ended, with its expiry when it was left in place and a detail for a person. */
  public record Revocation(RevocationStatus status, Optional<Instant> expiresAt, Optional<String> detail) {}

  /** How the elevation ended; the record's JSON holds the constant's name. */
  public enum RevocationStatus {
    /** Removed by this run (or its post step). */
    REVOKED,
    /** Left in place until {@code expiresAt} (the revoke policy, or the service's minimum duration). */
    LEFT_TO_EXPIRE,
    /** Nothing became active. */
    NOT_CREATED,
    /** It already existed before the run and was left alone. */
    PRE_EXISTING,
    /** Revocation failed; the expiry is the backstop. */
    FAILED,
    /** Not yet. */
    PENDING
  }

  /**
   * Since 1.2: how long access may outlive the elevation. Access tokens issued while it was active stay valid
   * until their {@code exp}, whatever the revocation did. Never holds a token.
   *
   * @param tokensIssued how many access tokens this run obtained for the elevated identity while it was active
   * @param latestTokenExpiry the latest {@code exp} among them
   * @param maxAccessTokenLifetime the longest an access token can live in the tenant (90 minutes by default)
   * @param accessMayPersistUntil the later of {@code latestTokenExpiry} and the end of access (revocation, else
   *     the server-side expiry) plus {@code maxAccessTokenLifetime}
   * @param explanation one line saying why, for people reading the record
   * @param sessionsRevoked since 1.3: the revocation of the user's sign-in sessions after the elevation, when asked for
   */
  public record Exposure(int tokensIssued, Optional<Instant> latestTokenExpiry, Duration maxAccessTokenLifetime,
      Instant accessMayPersistUntil, String explanation, Optional<SessionRevocation> sessionsRevoked) {
    /** Entra's longest default access-token lifetime (60 to 90 minutes); tenants with a lifetime policy differ. */
    public static final Duration DEFAULT_MAX_ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(90);

    /** An exposure without a revocation of sign-in sessions (before schema 1.3, or none was asked for). */
    public Exposure(int tokensIssued, Optional<Instant> latestTokenExpiry, Duration maxAccessTokenLifetime,
        Instant accessMayPersistUntil, String explanation) {
      this(tokensIssued, latestTokenExpiry, maxAccessTokenLifetime, accessMayPersistUntil, explanation, Optional.empty());
    }

    /**
     * This exposure with the revocation of the user's sign-in sessions: {@code accessMayPersistUntil} stays, since
     * access tokens already issued outlive it; the explanation says so.
     */
    public Exposure withSessionsRevoked(SessionRevocation revocation) {
      return new Exposure(tokensIssued, latestTokenExpiry, maxAccessTokenLifetime, accessMayPersistUntil,
          explanation + " " + Character.toUpperCase(revocation.describe().charAt(0)) + revocation.describe().substring(1)
              + (revocation.status() == SessionRevocation.Status.REVOKED ? ", so the time above stands." : "."),
          Optional.of(revocation));
    }
  }

  /**
   * Since 1.3: one target of an elevation with several (all-or-nothing). The record's top-level {@code target} is
   * the first of them; its {@code outcome}, {@code revocation} and {@code error} are the whole elevation's.
   *
   * @param target what this section elevated to
   * @param requestIds the requests submitted for this target
   * @param outcome how this target's own lifecycle ended ({@code SUCCEEDED} also when another target failed)
   * @param window what was granted for this target
   * @param timeline this target's steps
   * @param approval its approval, when its policy required one
   * @param revocation how this target's access ended
   * @param error why this target failed, when it did
   */
  public record TargetSection(Target target, List<String> requestIds, Outcome outcome, Window window, Timeline timeline,
      Optional<Approval> approval, Revocation revocation, Optional<Failure> error) {
    public TargetSection {
      requestIds = List.copyOf(requestIds);
    }
  }

  /** The failure that ended the run. */
  public record Failure(FailureKind kind, Optional<String> code, String message, Optional<String> azureRequestId,
      List<String> suppressed) {}
}
