package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.ActiveAssignment;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.ClaimsSource;
import dev.jitelevate.emulator.kernel.Paging;
import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.MalformedBodyException;
import dev.jitelevate.emulator.kernel.PendingApproval;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.kernel.SurfaceException;
import dev.jitelevate.emulator.kernel.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Microsoft Graph v1.0 (and the beta approval endpoints) as PIM clients use it: directory-role and group PIM,
 * role management policies and the directory look-ups that resolve names. Registers the {@link ClaimsSource}
 * that puts active directory roles ({@code wids}) and group memberships ({@code groups}) into new tokens.
 */
public final class GraphSurface implements Surface {
  private final EmulatorContext context;
  private final GraphAuth auth;
  private final Object lock = new Object();
  private volatile Paging paging = Paging.defaults();
  private GraphTenant tenant;
  private GraphRouter router;

  /** Creates the surface and registers its {@link ClaimsSource} with the context. */
  public GraphSurface(EmulatorContext context) {
    this.context = context;
    this.auth = new GraphAuth(context);
    context.register(ClaimsSource.class, new GraphClaims(this));
  }

  @Override
  public String name() {
    return "graph";
  }

  @Override
  public boolean owns(EmulatorRequest request) {
    return versionOf(request.path()).isPresent();
  }

  @Override
  public EmulatorResponse handle(EmulatorRequest request) {
    String clientRequestId = request.header("client-request-id").orElse(null);
    try {
      EmulatorResponse response = withTenant(t -> serve(request));
      response = response.withHeader("request-id", request.requestId());
      return clientRequestId == null ? response : response.withHeader("client-request-id", clientRequestId);
    } catch (SurfaceException e) {
      return render(e.status(), e.code(), e.getMessage(), request.requestId(), clientRequestId);
    } catch (MalformedBodyException e) {
      return render(400, "BadRequest", e.getMessage(), request.requestId(), clientRequestId);
    } catch (RuntimeException e) {
      return render(500, "generalException", "The emulator's Graph surface failed to process the request ("
          + e.getClass().getSimpleName() + ").", request.requestId(), clientRequestId);
    }
  }

  private EmulatorResponse serve(EmulatorRequest request) {
    String version = versionOf(request.path()).orElseThrow();
    Caller caller = auth.authenticate(request);
    List<String> segments = GraphCall.segmentsOf(request.path().substring(version.length() + 1));
    GraphCall call = new GraphCall(request, version, segments, caller, ODataQuery.of(request),
        request.origin(context.baseUrl()), paging);
    return router.route(call);
  }

  @Override
  public EmulatorResponse error(int status, String code, String message) {
    return render(status, code, message, PimIds.newGuid(), null);
  }

  private EmulatorResponse render(int status, String code, String message, String requestId, String clientId) {
    return GraphErrors.render(status, code, message, requestId, clientId, context.clock().now());
  }

  @Override
  public void load(Scenario scenario) {
    synchronized (lock) {
      Directory directory = context.require(Directory.class);
      GraphTenant loaded = new GraphTenant(new ScenarioLoader(directory, context.clock().now()).load(scenario),
          context);
      tenant = loaded;
      paging = Paging.of(scenario);
      router = new GraphRouter(loaded, AdministrativeUnitRoutes.from(scenario),
          ApplicationRoutes.from(scenario, directory.tenantId(), context.clock().now()));
    }
  }

  @Override
  public List<ActiveAssignment> activeAssignments() {
    return withTenant(t -> {
      List<ActiveAssignment> out = new ArrayList<>();
      for (PimTarget.Kind kind : PimTarget.Kind.values()) {
        for (ActiveInstance i : t.activeInstances(kind)) {
          out.add(new ActiveAssignment(kind.surfaceName(), i.principalId(), i.target().role(), i.target().scope(),
              i.assignmentType(), i.start() != null ? i.start() : i.createdAt(), i.end(), i.requestId(),
              i.fromScenario()));
        }
      }
      return out;
    });
  }

  @Override
  public List<PendingApproval> pendingApprovals() {
    return withTenant(t -> t.state.approvals.values().stream().filter(Approval::isOpen)
        .map(GraphSurface::view).toList());
  }

  /**
   * Decides the stage in progress of an open approval as the given approver (the first user approver when none is given); for a completed
   * approval returns its outcome unchanged.
   *
   * @throws IllegalArgumentException when the approver is not one of the approval's approvers, or is the requestor
   */
  @Override
  public Optional<PendingApproval> decide(String approvalId, boolean approve, String approverId, String justification) {
    return withTenant(t -> {
      Approval approval = t.state.approvals.get(approvalId.toLowerCase(Locale.ROOT));
      if (approval == null) {
        return Optional.empty();
      }
      ApprovalStage stage = approval.current().orElse(null);
      if (stage != null) {
        String approver = approverId == null || approverId.isBlank() ? firstApprover(approval, stage) : approverId;
        if (!t.approvals.isApprover(stage, approver)
            || approval.request.principalId.equalsIgnoreCase(approver)) {
          throw new IllegalArgumentException("'" + approver + "' is not an approver of the stage in progress of"
              + " approval '" + approval.id + "'; that stage's approvers are " + stage.approverIds
              + " and requestors cannot approve themselves.");
        }
        t.engine.provisioner().decide(approval, stage, approve, approver, justification, t.now());
      }
      return Optional.of(view(approval));
    });
  }

  /** Runs an operation on the current tenant under the surface's lock, after bringing time-based state up to date. */
  <T> T withTenant(Function<GraphTenant, T> operation) {
    synchronized (lock) {
      if (tenant == null) {
        throw new GraphException(503, "serviceNotAvailable", "The Graph surface has no scenario loaded yet.");
      }
      tenant.tick();
      return operation.apply(tenant);
    }
  }

  private static String firstApprover(Approval approval, ApprovalStage stage) {
    return stage.approverIds.stream().filter(a -> !a.startsWith("group:")).sorted().findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Approval '" + approval.id + "' has only group approvers;"
            + " name the approving member as approverId."));
  }

  private static PendingApproval view(Approval a) {
    ScheduleRequest r = a.request;
    return new PendingApproval(r.target.kind().surfaceName(), a.id, r.id, r.principalId, r.target.role(),
        r.target.scope(), a.outcome(), a.createdAt);
  }

  private static Optional<String> versionOf(String path) {
    for (String version : List.of("v1.0", "beta")) {
      if (path.equals("/" + version) || path.startsWith("/" + version + "/")) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }
}
