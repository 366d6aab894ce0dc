package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.PrivilegedAccessGroupAssignmentScheduleInstance;
import com.microsoft.graph.models.PrivilegedAccessGroupAssignmentScheduleRequest;
import com.microsoft.graph.models.PrivilegedAccessGroupAssignmentType;
import com.microsoft.graph.models.PrivilegedAccessGroupEligibilityScheduleInstance;
import com.microsoft.graph.models.PrivilegedAccessGroupRelationships;
import com.microsoft.graph.models.ScheduleRequestActions;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.GroupAccess;
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
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * PIM for Groups ({@code /identityGovernance/privilegedAccess/group/...}): membership or ownership of a
 * PIM-enabled group. Membership is effective when a token issued now to a new credential lists the group in its
 * {@code groups} claim; ownership (never in tokens) and group overage fall back to the active instances.
 */
final class GroupSurface extends PimSurface {
  private static final String ON_PRINCIPAL = "principal";
  private final GraphServiceClient graph;
  private final Groups groups;

  GroupSurface(CredentialSource caller, SurfaceContext context, GraphServiceClient graph, GraphCalls calls) {
    super(caller, context, calls, new DirectoryLookup(graph, calls));
    this.graph = graph;
    this.groups = new Groups(graph, calls, lookup);
  }

  @Override
  String family() {
    return "assignmentScheduleRequests";
  }

  @Override
  public ResolvedTarget resolve(ElevationTarget target) {
    if (!(target instanceof ElevationTarget.Group group)) {
      throw new IllegalArgumentException("The group surface resolves groups, not " + target.describe());
    }
    Groups.Found found = groups.resolve(group.group());
    return new ResolvedTarget(SurfaceKind.GROUP, Optional.empty(), found.displayName(), found.id(),
        Optional.of(group.access()), ResolvedTarget.RoleActions.none());
  }

  @Override
  public EffectivePolicy policy(ResolvedTarget target) {
    String filter = OData.eq("scopeId", target.scope()) + " and " + OData.eq("scopeType", "Group") + " and "
        + OData.eq("roleDefinitionId", access(target));
    return Policies.read(graph, calls, filter, "group " + target.roleName() + " (" + access(target) + ")",
        callerClaims().isApp());
  }

  @Override
  public List<Eligibility> eligibilities(PrincipalId principal, ResolvedTarget target) {
    return eligibleInstances(principal, filter(principal, target)).stream()
        .filter(i -> sameAccess(i.getAccessId(), target))
        .map(i -> new Eligibility(Objects.requireNonNullElse(i.getEligibilityScheduleId(), i.getId()), i.getGroupId(),
            GraphRequest.instant(i.getEndDateTime())))
        .toList();
  }

  @Override
  public List<ActiveInstance> activeInstances(PrincipalId principal, ResolvedTarget target) {
    List<PrivilegedAccessGroupAssignmentScheduleInstance> active = activeInstances(principal, filter(principal, target))
        .stream()
        .filter(i -> sameAccess(i.getAccessId(), target))
        .toList();
    var requestIds = requestIdsForSchedules(target, principal, active.stream()
        .filter(i -> i.getEndDateTime() != null).map(PrivilegedAccessGroupAssignmentScheduleInstance::getAssignmentScheduleId).toList());
    return active.stream()
        .map(i -> new ActiveInstance(i.getId(), AssignmentType.of(typeOf(i.getAssignmentType()), AssignmentType.UNKNOWN),
            GraphRequest.instant(i.getStartDateTime()).orElse(Instant.EPOCH), GraphRequest.instant(i.getEndDateTime()),
            requestIds.apply(i.getAssignmentScheduleId()), Optional.empty()))
        .toList();
  }

  @Override
  GraphRequest post(ScheduleRequestSpec spec, boolean validationOnly) {
    PrivilegedAccessGroupAssignmentScheduleRequest request = new PrivilegedAccessGroupAssignmentScheduleRequest();
    request.setAction(ScheduleRequestActions.forValue(spec.action().graphValue()));
    request.setPrincipalId(spec.principal().value());
    request.setGroupId(spec.target().scope());
    request.setAccessId(PrivilegedAccessGroupRelationships.forValue(access(spec.target())));
    request.setJustification(RequestMarker.tag(spec.justification(), spec.requestId()));
    spec.ticket().ifPresent(t -> request.setTicketInfo(Tickets.of(t)));
    if (!spec.action().isRemoval()) {
      request.setScheduleInfo(GraphRequest.scheduleOf(spec));
    }
    if (validationOnly) {
      request.setIsValidationOnly(true);
    }
    return map(graph.identityGovernance().privilegedAccess().group().assignmentScheduleRequests().post(request));
  }

  @Override
  GraphRequest read(String graphId) {
    return map(graph.identityGovernance().privilegedAccess().group().assignmentScheduleRequests()
        .byPrivilegedAccessGroupAssignmentScheduleRequestId(graphId).get());
  }

  @Override
  void cancelById(String graphId) {
    graph.identityGovernance().privilegedAccess().group().assignmentScheduleRequests()
        .byPrivilegedAccessGroupAssignmentScheduleRequestId(graphId).cancel().post();
  }

  @Override
  List<GraphRequest> requests(ResolvedTarget target, Optional<PrincipalId> principal) {
    String filter = OData.eq("groupId", target.scope())
        + principal.map(p -> " and " + OData.eq("principalId", p.value())).orElse("");
    var list = graph.identityGovernance().privilegedAccess().group().assignmentScheduleRequests();
    if (principal.isPresent() && ownOnly(principal.get())) {
      var mine = list.filterByCurrentUserWithOn(ON_PRINCIPAL);
      return GraphPages.all(mine.get(rc -> rc.queryParameters.filter = filter), p -> p.getValue(),
          link -> mine.withUrl(link).get()).stream().map(this::map).toList();
    }
    var first = list.get(rc -> rc.queryParameters.filter = filter);
    return GraphPages.all(first, p -> p.getValue(), link -> list.withUrl(link).get()).stream().map(this::map).toList();
  }

  @Override
  public AccessCheck checkEffective(ResolvedTarget target, ResolvedTarget.RoleActions probe, PrincipalId principal,
      CredentialSource elevatedIdentity) {
    if ("member".equals(access(target))) {
      TokenClaims claims = TokenClaims.issuedNow(elevatedIdentity, context.cloud());
      if (!claims.groupsOverage()) {
        return claims.groups().orElse(List.of()).stream().anyMatch(target.scope()::equalsIgnoreCase)
            ? AccessCheck.effective("a token issued now lists the group in its groups claim")
            : AccessCheck.notYet("a token issued now does not list group " + target.roleName() + " in its groups claim");
      }
    }
    Instant now = context.clock().instant();
    boolean active = activeInstances(principal, target).stream().anyMatch(i -> i.end().map(now::isBefore).orElse(true));
    return active ? AccessCheck.effective("an active " + access(target) + " instance covers now")
        : AccessCheck.notYet("no active " + access(target) + " instance of group " + target.roleName() + " yet");
  }

  @Override
  public Optional<StatusReport> status(PrincipalId principal) {
    String filter = OData.eq("principalId", principal.value());
    List<StatusReport.Entry> eligible = eligibleInstances(principal, filter).stream()
        .map(i -> entry(i.getGroupId(), i.getAccessId(), i.getStartDateTime(), i.getEndDateTime(), "Eligible"))
        .toList();
    List<StatusReport.Entry> active = activeInstances(principal, filter).stream()
        .map(i -> entry(i.getGroupId(), i.getAccessId(), i.getStartDateTime(), i.getEndDateTime(),
            typeOf(i.getAssignmentType())))
        .toList();
    return Optional.of(new StatusReport(principal, eligible, active));
  }

  @Override
  public Optional<List<dev.jitelevate.core.internal.gateway.PendingRequestView>> pendingRequests(PrincipalId principal) {
    return Optional.of(new PendingRequests(graph, calls).groups(principal, ownOnly(principal), groups::nameOf));
  }

  private StatusReport.Entry entry(String groupId, PrivilegedAccessGroupRelationships access,
      java.time.OffsetDateTime start, java.time.OffsetDateTime end, String type) {
    String accessId = access == null ? "member" : access.getValue();
    return new StatusReport.Entry("group", groups.nameOf(groupId) + " (" + accessId + ")", accessId, groupId,
        GraphRequest.instant(start), GraphRequest.instant(end), type);
  }

  private List<PrivilegedAccessGroupEligibilityScheduleInstance> eligibleInstances(PrincipalId principal,
      String filter) {
    var list = graph.identityGovernance().privilegedAccess().group().eligibilityScheduleInstances();
    if (ownOnly(principal)) {
      var mine = list.filterByCurrentUserWithOn(ON_PRINCIPAL);
      return calls.call("eligibilityScheduleInstances.list", () -> GraphPages.all(
          mine.get(rc -> rc.queryParameters.filter = filter), p -> p.getValue(), link -> mine.withUrl(link).get()));
    }
    return calls.call("eligibilityScheduleInstances.list", () -> GraphPages.all(
        list.get(rc -> rc.queryParameters.filter = filter), p -> p.getValue(), link -> list.withUrl(link).get()));
  }

  private List<PrivilegedAccessGroupAssignmentScheduleInstance> activeInstances(PrincipalId principal, String filter) {
    var list = graph.identityGovernance().privilegedAccess().group().assignmentScheduleInstances();
    if (ownOnly(principal)) {
      var mine = list.filterByCurrentUserWithOn(ON_PRINCIPAL);
      return calls.call("assignmentScheduleInstances.list", () -> GraphPages.all(
          mine.get(rc -> rc.queryParameters.filter = filter), p -> p.getValue(), link -> mine.withUrl(link).get()));
    }
    return calls.call("assignmentScheduleInstances.list", () -> GraphPages.all(
        list.get(rc -> rc.queryParameters.filter = filter), p -> p.getValue(), link -> list.withUrl(link).get()));
  }

  /**
   * Whether to read through {@code filterByCurrentUser(on='principal')}: a signed-in user reading its own PIM for
   * Groups entities, which Graph always allows (a plain list needs group read rights the user may lack).
   */
  private boolean ownOnly(PrincipalId principal) {
    TokenClaims claims = callerClaims();
    return !claims.isApp() && principal.value().equalsIgnoreCase(claims.objectId());
  }

  private GraphRequest map(PrivilegedAccessGroupAssignmentScheduleRequest r) {
    return new GraphRequest(r.getId(), r.getStatus(), Optional.ofNullable(r.getApprovalId()),
        r.getAction() == null ? "" : r.getAction().getValue(), r.getPrincipalId(), r.getJustification(),
        Optional.ofNullable(r.getTargetScheduleId()), GraphRequest.instant(r.getCreatedDateTime()),
        GraphRequest.startOf(r.getScheduleInfo()), GraphRequest.endOf(r.getScheduleInfo()));
  }

  /**
   * {@code Activated}/{@code Assigned}. The SDK's enum reads only the documented camelCase; the service (and
   * the docs' own examples) also send PascalCase, which the SDK then reads as null: the type is unknown.
   */
  static String typeOf(PrivilegedAccessGroupAssignmentType type) {
    if (type == null) {
      return "Unknown";
    }
    String value = type.getValue();
    return Character.toUpperCase(value.charAt(0)) + value.substring(1);
  }

  private static String filter(PrincipalId principal, ResolvedTarget target) {
    return OData.eq("groupId", target.scope()) + " and " + OData.eq("principalId", principal.value());
  }

  private static String access(ResolvedTarget target) {
    return target.groupAccess().orElse(GroupAccess.MEMBER).wireValue();
  }

  private static boolean sameAccess(PrivilegedAccessGroupRelationships access, ResolvedTarget target) {
    return access == null || access.getValue().equalsIgnoreCase(access(target));
  }
}
