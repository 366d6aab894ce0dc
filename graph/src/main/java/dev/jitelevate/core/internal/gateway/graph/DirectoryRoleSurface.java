package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleInstance;
import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleRequest;
import com.microsoft.graph.models.UnifiedRoleEligibilityScheduleInstance;
import com.microsoft.graph.models.UnifiedRoleScheduleRequestActions;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.StatusReport;
import dev.jitelevate.core.internal.gateway.AccessCheck;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.AssignmentType;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.Eligibility;
import dev.jitelevate.core.internal.gateway.OData;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Entra directory roles through PIM ({@code /roleManagement/directory/...}). Effectiveness is read from the
 * {@code wids} claim of a token issued to a new credential: claims are a snapshot, so a token from before the
 * activation never shows the role.
 */
final class DirectoryRoleSurface extends PimSurface {
  private static final String TENANT_SCOPE = "/";
  private static final String ON_PRINCIPAL = "principal";
  private final GraphServiceClient graph;
  private final DirectoryRoles roles;

  DirectoryRoleSurface(CredentialSource caller, SurfaceContext context, GraphServiceClient graph, GraphCalls calls) {
    super(caller, context, calls, new DirectoryLookup(graph, calls));
    this.graph = graph;
    this.roles = new DirectoryRoles(graph, calls);
  }

  @Override
  String family() {
    return "roleAssignmentScheduleRequests";
  }

  @Override
  public ResolvedTarget resolve(ElevationTarget target) {
    if (!(target instanceof ElevationTarget.DirectoryRole role)) {
      throw new IllegalArgumentException("The directory surface resolves directory roles, not " + target.describe());
    }
    DirectoryRoles.Role found = roles.resolve(role.role());
    return new ResolvedTarget(dev.jitelevate.core.internal.gateway.SurfaceKind.DIRECTORY, Optional.of(found.id()),
        found.displayName(), role.scope().value(), Optional.empty(), ResolvedTarget.RoleActions.none());
  }

  @Override
  public EffectivePolicy policy(ResolvedTarget target) {
    String filter = OData.eq("scopeId", "/") + " and " + OData.eq("scopeType", "DirectoryRole") + " and "
        + OData.eq("roleDefinitionId", roleId(target));
    return Policies.read(graph, calls, filter, target.roleName(), callerClaims().isApp());
  }

  @Override
  public List<Eligibility> eligibilities(PrincipalId principal, ResolvedTarget target) {
    return listEligible(principal, roleFilter(target)).stream()
        .filter(i -> covers(i.getDirectoryScopeId(), target.scope()))
        .map(i -> new Eligibility(Objects.requireNonNullElse(i.getRoleEligibilityScheduleId(), i.getId()),
            i.getDirectoryScopeId(), GraphRequest.instant(i.getEndDateTime())))
        .toList();
  }

  @Override
  public List<ActiveInstance> activeInstances(PrincipalId principal, ResolvedTarget target) {
    List<UnifiedRoleAssignmentScheduleInstance> active = listActive(principal, roleFilter(target)).stream()
        .filter(i -> target.scope().equalsIgnoreCase(Objects.requireNonNullElse(i.getDirectoryScopeId(), TENANT_SCOPE)))
        .toList();
    var requestIds = requestIdsForSchedules(target, principal, active.stream()
        .filter(i -> i.getEndDateTime() != null).map(UnifiedRoleAssignmentScheduleInstance::getRoleAssignmentScheduleId).toList());
    return active.stream().map(i -> active(i, requestIds.apply(i.getRoleAssignmentScheduleId()))).toList();
  }

  @Override
  GraphRequest post(ScheduleRequestSpec spec, boolean validationOnly) {
    UnifiedRoleAssignmentScheduleRequest request = new UnifiedRoleAssignmentScheduleRequest();
    request.setAction(UnifiedRoleScheduleRequestActions.forValue(spec.action().graphValue()));
    request.setPrincipalId(spec.principal().value());
    request.setRoleDefinitionId(roleId(spec.target()));
    request.setDirectoryScopeId(spec.target().scope());
    request.setJustification(RequestMarker.tag(spec.justification(), spec.requestId()));
    spec.ticket().ifPresent(t -> request.setTicketInfo(Tickets.of(t)));
    if (!spec.action().isRemoval()) {
      request.setScheduleInfo(GraphRequest.scheduleOf(spec));
    }
    if (validationOnly) {
      request.setIsValidationOnly(true);
    }
    return map(graph.roleManagement().directory().roleAssignmentScheduleRequests().post(request));
  }

  @Override
  GraphRequest read(String graphId) {
    return map(graph.roleManagement().directory().roleAssignmentScheduleRequests()
        .byUnifiedRoleAssignmentScheduleRequestId(graphId).get());
  }

  @Override
  void cancelById(String graphId) {
    graph.roleManagement().directory().roleAssignmentScheduleRequests()
        .byUnifiedRoleAssignmentScheduleRequestId(graphId).cancel().post();
  }

  @Override
  List<GraphRequest> requests(ResolvedTarget target, Optional<PrincipalId> principal) {
    var list = graph.roleManagement().directory().roleAssignmentScheduleRequests();
    if (principal.map(this::ownOnly).orElseGet(() -> ownOnly(null))) {
      var mine = list.filterByCurrentUserWithOn(ON_PRINCIPAL);
      return GraphPages.all(mine.get(rc -> rc.queryParameters.filter = roleFilter(target)), p -> p.getValue(),
          link -> mine.withUrl(link).get()).stream().map(this::map).toList();
    }
    String filter = roleFilter(target) + principal.map(p -> " and " + OData.eq("principalId", p.value())).orElse("");
    var first = list.get(rc -> rc.queryParameters.filter = filter);
    return GraphPages.all(first, p -> p.getValue(), link -> list.withUrl(link).get()).stream().map(this::map).toList();
  }

  @Override
  public AccessCheck checkEffective(ResolvedTarget target, ResolvedTarget.RoleActions probe, PrincipalId principal,
      CredentialSource elevatedIdentity) {
    TokenClaims claims = TokenClaims.issuedNow(elevatedIdentity, context.cloud());
    String role = roleId(target);
    if (roles.isBuiltIn(role) && TENANT_SCOPE.equals(target.scope())) {
      return claims.wids().stream().anyMatch(role::equalsIgnoreCase)
          ? AccessCheck.effective("a token issued now carries the role in its wids claim")
          : AccessCheck.notYet("a token issued now does not carry " + target.roleName() + " in its wids claim");
    }
    // wids carries only built-in roles at tenant scope: for the others, an active instance is the best evidence
    boolean active = activeInstances(principal, target).stream().anyMatch(i -> i.end().map(context.clock().instant()::isBefore).orElse(true));
    return active ? AccessCheck.effective("an active instance covers now (wids cannot show custom or scoped roles)")
        : AccessCheck.notYet("no active instance of " + target.roleName() + " at " + target.scope() + " yet");
  }

  @Override
  public Optional<StatusReport> status(PrincipalId principal) {
    List<StatusReport.Entry> eligible = listEligible(principal, null).stream()
        .map(i -> new StatusReport.Entry("directory", roles.nameOf(i.getRoleDefinitionId()), i.getRoleDefinitionId(),
            i.getDirectoryScopeId(), GraphRequest.instant(i.getStartDateTime()), GraphRequest.instant(i.getEndDateTime()),
            "Eligible"))
        .toList();
    List<StatusReport.Entry> active = listActive(principal, null).stream()
        .map(i -> new StatusReport.Entry("directory", roles.nameOf(i.getRoleDefinitionId()), i.getRoleDefinitionId(),
            i.getDirectoryScopeId(), GraphRequest.instant(i.getStartDateTime()), GraphRequest.instant(i.getEndDateTime()),
            Objects.requireNonNullElse(i.getAssignmentType(), "Assigned")))
        .toList();
    return Optional.of(new StatusReport(principal, eligible, active));
  }

  @Override
  public Optional<List<dev.jitelevate.core.internal.gateway.PendingRequestView>> pendingRequests(PrincipalId principal) {
    return Optional.of(new PendingRequests(graph, calls).directory(principal, ownOnly(principal), roles::nameOf));
  }

  private List<UnifiedRoleEligibilityScheduleInstance> listEligible(PrincipalId principal, String roleFilter) {
    var list = graph.roleManagement().directory().roleEligibilityScheduleInstances();
    if (ownOnly(principal)) {
      var mine = list.filterByCurrentUserWithOn(ON_PRINCIPAL);
      return calls.call("roleEligibilityScheduleInstances.list", () -> GraphPages.all(
          mine.get(rc -> rc.queryParameters.filter = roleFilter), p -> p.getValue(), link -> mine.withUrl(link).get()));
    }
    String filter = principalFilter(principal, roleFilter);
    return calls.call("roleEligibilityScheduleInstances.list", () -> GraphPages.all(
        list.get(rc -> rc.queryParameters.filter = filter), p -> p.getValue(), link -> list.withUrl(link).get()));
  }

  private List<UnifiedRoleAssignmentScheduleInstance> listActive(PrincipalId principal, String roleFilter) {
    var list = graph.roleManagement().directory().roleAssignmentScheduleInstances();
    if (ownOnly(principal)) {
      var mine = list.filterByCurrentUserWithOn(ON_PRINCIPAL);
      return calls.call("roleAssignmentScheduleInstances.list", () -> GraphPages.all(
          mine.get(rc -> rc.queryParameters.filter = roleFilter), p -> p.getValue(), link -> mine.withUrl(link).get()));
    }
    String filter = principalFilter(principal, roleFilter);
    return calls.call("roleAssignmentScheduleInstances.list", () -> GraphPages.all(
        list.get(rc -> rc.queryParameters.filter = filter), p -> p.getValue(), link -> list.withUrl(link).get()));
  }

  private static ActiveInstance active(UnifiedRoleAssignmentScheduleInstance i, Optional<String> requestId) {
    return new ActiveInstance(i.getId(), AssignmentType.of(i.getAssignmentType(), AssignmentType.ASSIGNED),
        GraphRequest.instant(i.getStartDateTime()).orElse(Instant.EPOCH), GraphRequest.instant(i.getEndDateTime()),
        requestId, Optional.empty());
  }

  private GraphRequest map(UnifiedRoleAssignmentScheduleRequest r) {
    return new GraphRequest(r.getId(), r.getStatus(), Optional.ofNullable(r.getApprovalId()),
        r.getAction() == null ? "" : r.getAction().getValue(), r.getPrincipalId(), r.getJustification(),
        Optional.ofNullable(r.getTargetScheduleId()), GraphRequest.instant(r.getCreatedDateTime()),
        GraphRequest.startOf(r.getScheduleInfo()), GraphRequest.endOf(r.getScheduleInfo()));
  }

  private static String roleFilter(ResolvedTarget target) {
    return OData.eq("roleDefinitionId", roleId(target));
  }

  private static String principalFilter(PrincipalId principal, String roleFilter) {
    return OData.eq("principalId", principal.value()) + (roleFilter == null ? "" : " and " + roleFilter);
  }

  /**
   * Whether to read through {@code filterByCurrentUser(on='principal')}: Graph lets a signed-in user without an
   * administrator reader role read only its own schedules and requests that way (a plain list is 403), so a user
   * reading its own, or any list by such a user, goes through it. Apps and admin readers list plainly.
   *
   * @param principal whose entities are read, null for everyone's
   */
  private boolean ownOnly(PrincipalId principal) {
    TokenClaims claims = callerClaims();
    if (claims.isApp()) {
      return false;
    }
    return principal == null ? !AdminReaders.any(claims.wids()) : principal.value().equalsIgnoreCase(claims.objectId());
  }

  private static String roleId(ResolvedTarget target) {
    return target.roleDefinitionId().orElseThrow(() -> new IllegalStateException("directory target without a role id"));
  }

  /** A tenant-wide eligibility covers every directory scope; a scoped one only its own. */
  private static boolean covers(String eligibleScope, String wanted) {
    String scope = Objects.requireNonNullElse(eligibleScope, TENANT_SCOPE);
    return TENANT_SCOPE.equals(scope) || scope.equalsIgnoreCase(wanted);
  }
}
