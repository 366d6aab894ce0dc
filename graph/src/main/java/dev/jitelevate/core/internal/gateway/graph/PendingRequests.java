package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.PrivilegedAccessGroupAssignmentScheduleRequest;
import com.microsoft.graph.models.RequestSchedule;
import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleRequest;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.OData;
import dev.jitelevate.core.internal.gateway.PendingRequestView;
import dev.jitelevate.core.internal.gateway.RequestStatus;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A principal's directory role and group requests that wait for approval: the caller's own
 * directory role and group requests through {@code filterByCurrentUser(on='principal')} (no administrator
 * reader role or group read rights needed), anyone else's through {@code $filter=principalId eq '…'}.
 */
final class PendingRequests {
  private final GraphServiceClient graph;
  private final GraphCalls calls;

  PendingRequests(GraphServiceClient graph, GraphCalls calls) {
    this.graph = graph;
    this.calls = calls;
  }

  List<PendingRequestView> directory(PrincipalId principal, boolean ownOnly, UnaryOperator<String> roleName) {
    var list = graph.roleManagement().directory().roleAssignmentScheduleRequests();
    List<UnifiedRoleAssignmentScheduleRequest> all;
    if (ownOnly) {
      var mine = list.filterByCurrentUserWithOn("principal");
      all = calls.call("roleAssignmentScheduleRequests.list", () -> GraphPages.all(mine.get(), p -> p.getValue(),
          link -> mine.withUrl(link).get()));
    } else {
      String filter = OData.eq("principalId", principal.value());
      all = calls.call("roleAssignmentScheduleRequests.list", () -> GraphPages.all(
          list.get(rc -> rc.queryParameters.filter = filter), p -> p.getValue(), link -> list.withUrl(link).get()));
    }
    return all.stream().filter(r -> waits(r.getStatus()) && principal.value().equalsIgnoreCase(r.getPrincipalId()))
        .map(r -> new PendingRequestView(new ResolvedTarget(SurfaceKind.DIRECTORY, Optional.ofNullable(r.getRoleDefinitionId()),
            roleName.apply(r.getRoleDefinitionId()), Optional.ofNullable(r.getDirectoryScopeId()).orElse("/"),
            Optional.empty(), ResolvedTarget.RoleActions.none()), r.getId(), duration(r.getScheduleInfo()),
            created(r.getCreatedDateTime())))
        .toList();
  }

  List<PendingRequestView> groups(PrincipalId principal, boolean ownOnly, UnaryOperator<String> groupName) {
    var list = graph.identityGovernance().privilegedAccess().group().assignmentScheduleRequests();
    String filter = OData.eq("principalId", principal.value());
    List<PrivilegedAccessGroupAssignmentScheduleRequest> all;
    if (ownOnly) {
      var mine = list.filterByCurrentUserWithOn("principal");
      all = calls.call("assignmentScheduleRequests.list", () -> GraphPages.all(mine.get(), p -> p.getValue(),
          link -> mine.withUrl(link).get()));
    } else {
      all = calls.call("assignmentScheduleRequests.list", () -> GraphPages.all(
          list.get(rc -> rc.queryParameters.filter = filter), p -> p.getValue(), link -> list.withUrl(link).get()));
    }
    return all.stream().filter(r -> waits(r.getStatus()) && principal.value().equalsIgnoreCase(r.getPrincipalId()))
        .map(r -> {
          GroupAccess access = GroupAccess.parse(r.getAccessId() == null ? "member" : r.getAccessId().getValue());
          return new PendingRequestView(new ResolvedTarget(SurfaceKind.GROUP, Optional.empty(),
              groupName.apply(r.getGroupId()), r.getGroupId(), Optional.of(access), ResolvedTarget.RoleActions.none()),
              r.getId(), duration(r.getScheduleInfo()), created(r.getCreatedDateTime()));
        })
        .toList();
  }

  private static boolean waits(String status) {
    return status != null && RequestStatus.parse(status).isAwaitingApproval();
  }

  private static Optional<Duration> duration(RequestSchedule schedule) {
    return schedule == null || schedule.getExpiration() == null ? Optional.empty()
        : GraphRequest.durationOf(schedule.getExpiration().getDuration());
  }

  private static Instant created(OffsetDateTime at) {
    return GraphRequest.instant(at).orElse(Instant.EPOCH);
  }
}
