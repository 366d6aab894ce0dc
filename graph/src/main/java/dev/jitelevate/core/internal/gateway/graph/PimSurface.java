package dev.jitelevate.core.internal.gateway.graph;

import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.PrincipalType;
import dev.jitelevate.core.internal.gateway.RequestStatus;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the two Graph PIM families (directory roles, groups) share: the caller's identity, principal look-ups,
 * and the schedule-request protocol. Graph assigns request ids, so this keeps a ledger from our request ids
 * ({@link ScheduleRequestSpec#requestId()}) to Graph's, and finds a request by the marker in its justification
 * when the ledger does not know it (an ambiguous failure, another process).
 */
abstract class PimSurface implements AccessSurface {
  private static final Set<String> DUPLICATE_CODES = Set.of("roleassignmentexists", "pendingroleassignmentrequest");
  private static final Set<String> REMOVALS = Set.of("selfdeactivate", "adminremove");

  final SurfaceContext context;
  final GraphCalls calls;
  final DirectoryLookup lookup;
  private final Map<String, String> graphIds = new ConcurrentHashMap<>();
  /** Schedule id to the request id behind it: ours, and other processes' once looked up. */
  private final Map<String, String> ourIdBySchedule = new ConcurrentHashMap<>();
  private volatile TokenClaims callerClaims;
  private final CredentialSource caller;

  PimSurface(CredentialSource caller, SurfaceContext context, GraphCalls calls, DirectoryLookup lookup) {
    this.caller = caller;
    this.context = context;
    this.calls = calls;
    this.lookup = lookup;
  }

  /** The request family's name for operations, e.g. {@code roleAssignmentScheduleRequests}. */
  abstract String family();

  /** Posts a new request model built from the spec (a fresh model per attempt: Kiota's backing store). */
  abstract GraphRequest post(ScheduleRequestSpec spec, boolean validationOnly);

  abstract GraphRequest read(String graphId);

  abstract void cancelById(String graphId);

  /** The target's requests, the principal's only when given. */
  abstract List<GraphRequest> requests(ResolvedTarget target, Optional<PrincipalId> principal);

  @Override
  public PrincipalInfo whoAmI(CredentialSource identity) {
    TokenClaims claims = TokenClaims.issuedNow(identity, context.cloud());
    if (claims.objectId().isBlank()) {
      throw new ElevationException(FailureKind.AUTHENTICATION, "The Graph token has no oid claim: the identity "
          + "cannot be told apart from others. Sign in as a user or a service principal of the tenant.");
    }
    PrincipalId id = PrincipalId.of(claims.objectId());
    PrincipalType type = claims.isApp() ? PrincipalType.SERVICE_PRINCIPAL : PrincipalType.USER;
    try {
      return lookup.principal(id).map(p -> new PrincipalInfo(id, type, p.displayName()))
          .orElseGet(() -> new PrincipalInfo(id, type, claims.name().orElse(id.value())));
    } catch (ElevationException e) {
      if (e.httpStatus() == 403) { // may not read the directory: the token's own name will do
        return new PrincipalInfo(id, type, claims.name().orElse(id.value()));
      }
      throw e;
    }
  }

  @Override
  public Optional<PrincipalInfo> principal(PrincipalId id) {
    return lookup.principal(id);
  }

  @Override
  public ScheduleRequestView submit(ScheduleRequestSpec spec) {
    int[] attempts = {0};
    try {
      GraphRequest created = calls.call(family() + ".create", () -> {
        if (attempts[0]++ > 0) { // the previous attempt may have landed although its answer was lost
          Optional<GraphRequest> landed = ours(spec);
          if (landed.isPresent()) {
            return landed.get();
          }
        }
        return post(spec, false);
      });
      return remember(spec.requestId(), created);
    } catch (ElevationException e) {
      if (e.azureErrorCode().map(c -> DUPLICATE_CODES.contains(c.toLowerCase(java.util.Locale.ROOT))).orElse(false)) {
        Optional<GraphRequest> earlier = calls.call(family() + ".list", () -> ours(spec));
        if (earlier.isPresent()) {
          return remember(spec.requestId(), earlier.get());
        }
      }
      throw e;
    }
  }

  @Override
  public ScheduleRequestView validate(ScheduleRequestSpec spec) {
    GraphRequest checked = calls.call(family() + ".validate", () -> post(spec, true));
    String id = checked.id() == null ? spec.requestId() : checked.id();
    return view(new GraphRequest(id, checked.status() == null ? "Granted" : checked.status(), checked.approvalId(),
        checked.action(), checked.principalId(), checked.justification(), Optional.empty(), checked.created(),
        checked.start(), checked.end()));
  }

  @Override
  public ScheduleRequestView get(ResolvedTarget target, String requestId) {
    String graphId = graphIdOf(target, requestId);
    return remember(requestId, calls.call(family() + ".get", () -> read(graphId)));
  }

  @Override
  public void cancel(ResolvedTarget target, String requestId) {
    String graphId = graphIdOf(target, requestId);
    try {
      calls.run(family() + ".cancel", () -> cancelById(graphId));
    } catch (ElevationException e) {
      if (e.httpStatus() != 400) {
        throw e;
      }
      GraphRequest now = calls.call(family() + ".get", () -> read(graphId));
      if (RequestStatus.parse(now.status()).isPending()) {
        throw e;
      }
      remember(requestId, now); // no longer pending: there is nothing left to cancel
    }
  }

  /** Our request id for a schedule Graph created from one of our requests, when this surface knows it. */
  Optional<String> ourRequestIdForSchedule(String scheduleId) {
    return Optional.ofNullable(scheduleId).map(ourIdBySchedule::get);
  }

  /**
   * The request behind each of {@code scheduleIds}: the ledger's for this process's requests, else the one whose
   * {@code targetScheduleId} (or id) is the schedule among the principal's requests for the target, found with one
   * list call only when the ledger misses (another process's run: its marker id, else Graph's). Graph's instances
   * do not name their request; without this another run's activation looks like standing access. A schedule no
   * request created (a direct assignment, or requests the caller may not read) has none.
   */
  Function<String, Optional<String>> requestIdsForSchedules(ResolvedTarget target, PrincipalId principal,
      Collection<String> scheduleIds) {
    if (scheduleIds.stream().allMatch(s -> s == null || ourIdBySchedule.containsKey(s))) {
      return this::ourRequestIdForSchedule;
    }
    List<GraphRequest> known;
    try {
      known = calls.call(family() + ".list", () -> requests(target, Optional.of(principal)));
    } catch (ElevationException e) {
      if (e.httpStatus() != 403) {
        throw e;
      }
      known = List.of(); // may not read the requests: only this process's are known
    }
    Map<String, String> found = new HashMap<>();
    known.stream().filter(r -> !REMOVALS.contains(String.valueOf(r.action()).toLowerCase(java.util.Locale.ROOT)))
        .sorted(Comparator.comparing(r -> r.created().orElse(java.time.Instant.EPOCH)))
        .forEach(r -> {
          String id = RequestMarker.requestIdIn(r.justification()).orElse(r.id());
          r.targetScheduleId().ifPresent(s -> found.put(s, id));
          if (r.id() != null) {
            found.putIfAbsent(r.id(), id);
          }
        });
    scheduleIds.stream().filter(s -> s != null && found.containsKey(s))
        .forEach(s -> ourIdBySchedule.putIfAbsent(s, found.get(s))); // a schedule's request never changes
    return this::ourRequestIdForSchedule;
  }

  /** The caller's own token claims (read once): app callers use the admin policy rules. */
  TokenClaims callerClaims() {
    if (callerClaims == null) {
      callerClaims = TokenClaims.issuedNow(caller, context.cloud());
    }
    return callerClaims;
  }

  private Optional<GraphRequest> ours(ScheduleRequestSpec spec) {
    return requests(spec.target(), Optional.of(spec.principal())).stream()
        .filter(r -> RequestMarker.requestIdIn(r.justification()).map(spec.requestId()::equals).orElse(false))
        .filter(r -> spec.action().graphValue().equalsIgnoreCase(r.action()))
        .max(Comparator.comparing(r -> r.created().orElse(java.time.Instant.EPOCH)));
  }

  private String graphIdOf(ResolvedTarget target, String requestId) {
    String known = graphIds.get(requestId);
    if (known != null) {
      return known;
    }
    Optional<GraphRequest> marked = calls.call(family() + ".list", () -> requests(target, Optional.empty()).stream()
        .filter(r -> RequestMarker.requestIdIn(r.justification()).map(requestId::equals).orElse(false))
        .findFirst());
    return marked.map(r -> {
      graphIds.put(requestId, r.id());
      return r.id();
    }).orElse(requestId); // not ours by marker: perhaps Graph's own id
  }

  private ScheduleRequestView remember(String ourId, GraphRequest request) {
    if (request.id() != null) {
      graphIds.put(ourId, request.id());
      ourIdBySchedule.put(request.id(), ourId);
    }
    request.targetScheduleId().ifPresent(s -> ourIdBySchedule.put(s, ourId));
    return view(request);
  }

  ScheduleRequestView view(GraphRequest r) {
    return new ScheduleRequestView(r.id(), RequestStatus.parse(r.status()), r.status() == null ? "" : r.status(),
        r.approvalId(), r.start(), r.end(), r.targetScheduleId(), calls.lastRequestId());
  }
}
