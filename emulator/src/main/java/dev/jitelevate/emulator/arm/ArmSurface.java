package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.AccessEvaluator;
import dev.jitelevate.emulator.kernel.ActiveAssignment;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.MalformedBodyException;
import dev.jitelevate.emulator.kernel.Paging;
import dev.jitelevate.emulator.kernel.PendingApproval;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.kernel.SurfaceException;
import dev.jitelevate.emulator.kernel.Surface;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Azure Resource Manager {@code Microsoft.Authorization} surface: role definitions and assignments,
 * permissions, PIM schedule requests, schedules, instances, policies and approvals. Provides the kernel's
 * {@link AccessEvaluator} (Azure RBAC with the propagation delay) to the other surfaces.
 */
public final class ArmSurface implements Surface {
  private final EmulatorContext context;
  private final ArmState state = new ArmState();
  private final Principals principals;
  private final ArmAuth auth;
  private final PimEngine engine;
  private final ArmRouter router;
  private final ScenarioLoader loader;
  private final ArmJson json;
  private volatile Paging paging = Paging.defaults();
  private final ArmRateLimits limits = new ArmRateLimits(System::nanoTime);

  /** Creates the surface and registers its {@link AccessEvaluator} with the context. */
  public ArmSurface(EmulatorContext context) {
    this.context = context;
    this.principals = new Principals(context);
    this.auth = new ArmAuth(context);
    this.loader = new ScenarioLoader(state, principals);
    PolicyStore policies = new PolicyStore(state, principals);
    RbacEvaluator rbac = new RbacEvaluator(state, principals, context, this::tick);
    this.engine = new PimEngine(state, policies, principals, rbac, context);
    this.json = new ArmJson(state, principals);
    Guard guard = new Guard(rbac, principals);
    ScopeFilter scopes = new ScopeFilter(state, principals);
    ReadAccess access = new ReadAccess(guard);
    RequestSpecParser parser = new RequestSpecParser(state, principals);
    this.router = new ArmRouter(state, new ArmRouter.Endpoints(
        new RoleDefinitionsApi(state, json),
        new RoleAssignmentsApi(state, json, principals, guard, scopes),
        new PermissionsApi(rbac, json),
        new ScheduleRequestsApi(RequestKind.ASSIGNMENT, state, engine, parser, json, scopes, guard, access),
        new ScheduleRequestsApi(RequestKind.ELIGIBILITY, state, engine, parser, json, scopes, guard, access),
        List.of(new SchedulesApi(RequestKind.ASSIGNMENT, false, state, json, scopes, access),
            new SchedulesApi(RequestKind.ASSIGNMENT, true, state, json, scopes, access),
            new SchedulesApi(RequestKind.ELIGIBILITY, false, state, json, scopes, access),
            new SchedulesApi(RequestKind.ELIGIBILITY, true, state, json, scopes, access)),
        new PoliciesApi(state, policies, new PolicyJson(state, json, principals), guard),
        new ApprovalsApi(state, engine.approvals(), principals),
        new ResourcesApi(state, guard, rbac), new EligibleChildResourcesApi(state)));
    context.register(AccessEvaluator.class, rbac);
  }

  @Override
  public String name() {
    return "arm";
  }

  @Override
  public boolean owns(EmulatorRequest request) {
    return request.pathStartsWithIgnoreCase("/subscriptions/") || request.pathStartsWithIgnoreCase("/providers/")
        || request.path().equalsIgnoreCase("/subscriptions");
  }

  @Override
  public EmulatorResponse handle(EmulatorRequest request) {
    Caller caller;
    try {
      caller = auth.authenticate(request);
    } catch (SurfaceException e) {
      return error(e.status(), e.code(), e.getMessage());
    }
    boolean write = !request.method().equals("GET") && !request.method().equals("HEAD");
    ArmRateLimits.Taken taken = limits.take(caller.objectId(), request.path(), write);
    if (taken.throttled()) {
      return taken.stamp(error(429, "SubscriptionRequestsThrottled", taken.refusalMessage()))
          .withHeader("Retry-After", Long.toString(taken.retryAfterSeconds()));
    }
    return taken.stamp(serve(request, caller));
  }

  private EmulatorResponse serve(EmulatorRequest request, Caller caller) {
    try {
      Set<String> identities = new LinkedHashSet<>(principals.identities(caller.objectId()));
      caller.groups().forEach(g -> identities.add(ArmState.key(g)));
      synchronized (state) {
        tick();
        return ArmPages.page(router.route(request, caller, identities, context.clock().now()), request, paging,
            request.origin(context.baseUrl()));
      }
    } catch (SurfaceException e) {
      return error(e.status(), e.code(), e.getMessage());
    } catch (MalformedBodyException e) {
      return error(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: '"
          + e.getMessage() + "'.");
    }
  }

  @Override
  public EmulatorResponse error(int status, String code, String message) {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", code).put("message", message);
    return EmulatorResponse.json(status, body);
  }

  @Override
  public void load(Scenario scenario) {
    synchronized (state) {
      loader.load(scenario, context.clock().now());
      paging = Paging.of(scenario);
      limits.load(scenario);
    }
  }

  @Override
  public List<ActiveAssignment> activeAssignments() {
    synchronized (state) {
      tick();
      List<ActiveAssignment> out = new ArrayList<>();
      for (RoleAssignment ra : state.roleAssignments.values()) {
        String role = state.role(ra.roleGuid()).map(r -> r.idFor(ra.scope())).orElse(ra.roleGuid());
        PimSchedule schedule = ra.scheduleName() == null ? null : state.schedules.get(ArmState.key(ra.scheduleName()));
        if (schedule != null) {
          out.add(new ActiveAssignment("arm", ra.principalId(), role, ra.scope().path(), schedule.assignmentType(),
              schedule.start(), schedule.end(), schedule.requestName(), false));
        } else {
          out.add(new ActiveAssignment("arm-rbac", ra.principalId(), role, ra.scope().path(), "RoleAssignment",
              ra.createdOn(), null, null, ra.fromScenario()));
        }
      }
      return out;
    }
  }

  @Override
  public List<PendingApproval> pendingApprovals() {
    synchronized (state) {
      tick();
      return state.approvals.values().stream().filter(Approval::inProgress).map(this::toKernel).toList();
    }
  }

  @Override
  public Optional<PendingApproval> decide(String approvalId, boolean approve, String approverId, String justification) {
    synchronized (state) {
      tick();
      Optional<Approval> approval = state.approval(approvalId);
      if (approval.isEmpty()) {
        return Optional.empty();
      }
      String approver = approverId == null || approverId.isBlank()
          ? approval.get().approvers().stream().findFirst().orElse("") : approverId;
      try {
        return Optional.of(toKernel(engine.approvals().decide(approval.get(), approve, approver, justification,
            context.clock().now())));
      } catch (SurfaceException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
  }

  private PendingApproval toKernel(Approval approval) {
    RequestSpec spec = engine.approvals().requestOf(approval).map(ScheduleRequest::spec).orElseThrow();
    String role = state.role(spec.roleGuid()).map(r -> r.idFor(spec.scope())).orElse(spec.roleGuid());
    return new PendingApproval("arm", approval.fullId(), spec.name(), spec.principalId(), role, spec.scope().path(),
        approval.status(), approval.createdAt());
  }

  private void tick() {
    synchronized (state) {
      engine.tick();
    }
  }
}
