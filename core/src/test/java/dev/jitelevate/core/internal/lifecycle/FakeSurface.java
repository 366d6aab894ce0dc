package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.AccessCheck;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.ApiCall;
import dev.jitelevate.core.internal.gateway.AssignmentType;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.Eligibility;
import dev.jitelevate.core.internal.gateway.PlainRoleAssignments;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.PrincipalType;
import dev.jitelevate.core.internal.gateway.RequestStatus;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An in-memory surface modelling what the lifecycle depends on: request statuses moving one step per read
 * (approval, denial, provisioning), active instances, the deactivation floor, propagation lag, and scripted
 * service errors. Every call is logged.
 */
final class FakeSurface implements AccessSurface, PlainRoleAssignments {
  static final PrincipalId CI = PrincipalId.of("c1c1c1c1-0000-4000-8000-000000000001");
  static final PrincipalId ALICE = PrincipalId.of("a11ce000-0000-4000-8000-000000000001");

  final ManualTime clock;
  SurfaceKind kind = SurfaceKind.ARM;
  SurfaceContext context;
  PrincipalInfo me = new PrincipalInfo(CI, PrincipalType.named("ServicePrincipal"), "ci-deployer");
  final Map<PrincipalId, PrincipalInfo> principals = new LinkedHashMap<>();
  EffectivePolicy policy = new EffectivePolicy(Duration.ofHours(8), Duration.ofDays(365), false, false, false, false,
      List.of(), "policy-1");
  final List<Eligibility> eligibilities = new ArrayList<>();
  /** Statuses a new activation goes through, one per read; the last one repeats. */
  List<RequestStatus> script = List.of(RequestStatus.PROVISIONED);
  final Deque<RuntimeException> submitErrors = new ArrayDeque<>();
  final Deque<RuntimeException> removeErrors = new ArrayDeque<>();
  /** The plain role assignments removed by name (rbac), in order. */
  final List<String> removedAssignments = new ArrayList<>();
  int principalLookupsMissing;
  /** Runs as each call begins, on the calling thread (tests hold calls up to see which overlap). */
  volatile java.util.function.Consumer<String> onCall = what -> {};
  /** Thrown by the next target resolution, when set. */
  volatile RuntimeException resolveError;
  /** The next submit is stored by the service, but its answer is lost (the caller sees a retryable error). */
  boolean storeThenFailOnce;
  int notYetChecks;
  int forbiddenChecks;
  Duration floor = Duration.ofMinutes(5);
  final List<ActiveInstance> active = new CopyOnWriteArrayList<>();
  final Map<String, Deque<RequestStatus>> requests = new LinkedHashMap<>();
  final Map<String, ScheduleRequestSpec> specs = new LinkedHashMap<>();
  final List<String> calls = new CopyOnWriteArrayList<>();
  /** When each of {@link #calls} was made, on the fake clock. */
  final List<Instant> callTimes = new CopyOnWriteArrayList<>();
  final List<ScheduleRequestSpec> submitted = new CopyOnWriteArrayList<>();
  final List<String> cancelled = new CopyOnWriteArrayList<>();
  final List<Instant> credentialsCreated = new CopyOnWriteArrayList<>();

  FakeSurface(ManualTime clock) {
    this.clock = clock;
    principals.put(CI, me);
    principals.put(ALICE, new PrincipalInfo(ALICE, PrincipalType.named("User"), "Alice"));
  }

  private void call(String what) {
    onCall.accept(what);
    calls.add(what);
    callTimes.add(clock.instant());
    if (context != null) {
      context.apiCalls().accept(new ApiCall(what, 200, Optional.of("svc-" + calls.size())));
    }
  }

  static ElevationException error(int status, String code, String message) {
    return new ElevationException(FailureKind.SERVICE_UNAVAILABLE, message, code, "svc-err", status, null);
  }

  @Override
  public ResolvedTarget resolve(ElevationTarget target) {
    call("resolve");
    if (resolveError != null) {
      throw resolveError;
    }
    if (target instanceof ElevationTarget.Group g) {
      return new ResolvedTarget(SurfaceKind.GROUP, Optional.empty(), "grp-prod-admins", "9a9a9a9a-0000-4000-8000-000000000001",
          Optional.of(g.access()), ResolvedTarget.RoleActions.none());
    }
    String scope = target instanceof ElevationTarget.AzureRole a ? a.scope().value() : "/";
    return new ResolvedTarget(kind, Optional.of("/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7"),
        "Key Vault Secrets Officer", scope, Optional.empty(), ResolvedTarget.RoleActions.none());
  }

  @Override
  public PrincipalInfo whoAmI(CredentialSource identity) {
    call("whoAmI");
    return me;
  }

  @Override
  public Optional<PrincipalInfo> principal(PrincipalId id) {
    call("principal");
    if (principalLookupsMissing > 0) {
      principalLookupsMissing--;
      return Optional.empty();
    }
    return Optional.ofNullable(principals.get(id));
  }

  @Override
  public EffectivePolicy policy(ResolvedTarget target) {
    call("policy");
    return policy;
  }

  @Override
  public List<Eligibility> eligibilities(PrincipalId principal, ResolvedTarget target) {
    call("eligibilities");
    return principal.equals(ALICE) ? List.copyOf(eligibilities) : List.of();
  }

  @Override
  public List<ActiveInstance> activeInstances(PrincipalId principal, ResolvedTarget target) {
    call("activeInstances");
    Instant now = clock.instant();
    return active.stream().filter(i -> i.end().map(now::isBefore).orElse(true)).collect(Collectors.toList());
  }

  @Override
  public synchronized ScheduleRequestView submit(ScheduleRequestSpec spec) {
    call("submit:" + spec.action().armValue() + ":" + spec.requestId());
    submitted.add(spec);
    if (spec.action().isRemoval()) {
      return remove(spec);
    }
    if (!submitErrors.isEmpty()) {
      throw submitErrors.pop();
    }
    if (requests.containsKey(spec.requestId())) {
      throw error(400, "RoleAssignmentRequestExists", "The request already exists.");
    }
    if (!activeInstances(spec.principal(), spec.target()).isEmpty()) {
      throw error(400, "RoleAssignmentExists", "The Role assignment already exists.");
    }
    requests.put(spec.requestId(), new ArrayDeque<>(script));
    specs.put(spec.requestId(), spec);
    if (storeThenFailOnce) {
      storeThenFailOnce = false;
      throw error(400, "SubjectNotFound", "answer lost after the request was stored");
    }
    return advance(spec.requestId());
  }

  private ScheduleRequestView remove(ScheduleRequestSpec spec) {
    if (!removeErrors.isEmpty()) {
      throw removeErrors.pop();
    }
    Instant now = clock.instant();
    ActiveInstance target = active.stream()
        .filter(i -> kind != SurfaceKind.ARM_RBAC || i.id().equals(spec.requestId()))
        .findFirst()
        .orElseThrow(() -> error(400, "RoleAssignmentDoesNotExist", "The role assignment does not exist."));
    if (kind != SurfaceKind.ARM_RBAC && now.isBefore(target.start().plus(floor))) {
      throw error(400, "ActiveDurationTooShort", "The Active duration is too short. Miniumum Required is 5 minutes.");
    }
    active.remove(target);
    return view(spec.requestId(), RequestStatus.REVOKED);
  }

  /** Moves a request one status along its script; provisioning creates the active instance. */
  private ScheduleRequestView advance(String id) {
    Deque<RequestStatus> steps = requests.get(id);
    RequestStatus status = steps.size() > 1 ? steps.pop() : steps.peek();
    if (status == RequestStatus.PROVISIONED && active.stream().noneMatch(i -> i.requestId().equals(Optional.of(id)))
        && !cancelled.contains(id)) {
      ScheduleRequestSpec spec = specs.get(id);
      Instant now = clock.instant();
      active.add(new ActiveInstance(kind == SurfaceKind.ARM_RBAC ? id : "instance-" + id,
          kind == SurfaceKind.ARM_RBAC ? AssignmentType.ROLE_ASSIGNMENT : AssignmentType.ACTIVATED, now, Optional.of(now.plus(spec.duration())),
          Optional.of(id), spec.description()));
    }
    if (cancelled.contains(id)) {
      status = RequestStatus.CANCELED;
    }
    return view(id, status);
  }

  private ScheduleRequestView view(String id, RequestStatus status) {
    Instant now = clock.instant();
    String raw = status.name().charAt(0) + status.name().substring(1).toLowerCase().replace("_", "");
    return new ScheduleRequestView(id, status, raw,
        status.isAwaitingApproval() ? Optional.of("approval-" + id) : Optional.empty(),
        Optional.of(now), Optional.of(now.plus(Duration.ofMinutes(30))), Optional.empty(), Optional.of("svc-req"));
  }

  @Override
  public ScheduleRequestView validate(ScheduleRequestSpec spec) {
    call("validate");
    if (!submitErrors.isEmpty()) {
      throw submitErrors.pop();
    }
    return view(spec.requestId(), RequestStatus.GRANTED);
  }

  @Override
  public synchronized ScheduleRequestView get(ResolvedTarget target, String requestId) {
    call("get:" + requestId);
    return advance(requestId);
  }

  @Override
  public synchronized void cancel(ResolvedTarget target, String requestId) {
    call("cancel:" + requestId);
    cancelled.add(requestId);
  }

  @Override
  public AccessCheck checkEffective(ResolvedTarget target, ResolvedTarget.RoleActions probe, PrincipalId principal,
      CredentialSource identity) {
    call("checkEffective");
    identity.newCredential();
    if (forbiddenChecks > 0) {
      forbiddenChecks--;
      throw error(403, "AuthorizationFailed", "The client does not have authorization.");
    }
    if (notYetChecks > 0) {
      notYetChecks--;
      return AccessCheck.notYet("permissions API lacks the role's actions");
    }
    return active.isEmpty() ? AccessCheck.notYet("no assignment") : AccessCheck.effective("permissions API shows the role");
  }

  @Override
  public List<ActiveInstance> markedAssignments(String scope) {
    call("markedAssignments");
    return List.copyOf(active);
  }

  @Override
  public synchronized boolean removeAssignment(ResolvedTarget target, String name) {
    call("removeAssignment:" + name);
    if (!removeErrors.isEmpty()) {
      throw removeErrors.pop();
    }
    removedAssignments.add(name);
    return active.removeIf(i -> i.id().equals(name));
  }

  @Override
  public List<dev.jitelevate.core.StatusReport.Leftover> leftovers(PrincipalId principal) {
    call("leftovers");
    return List.of();
  }

  @Override
  public void deleteAssignment(String assignmentId) {
    call("deleteAssignment:" + assignmentId);
    active.removeIf(i -> i.id().equals(assignmentId));
  }
}
