package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.util.Context;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentScheduleRequestInner;
import com.azure.resourcemanager.authorization.models.ExpandedProperties;
import com.azure.resourcemanager.authorization.models.RoleAssignmentScheduleRequestPropertiesScheduleInfo;
import com.azure.resourcemanager.authorization.models.RoleAssignmentScheduleRequestPropertiesScheduleInfoExpiration;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.PendingRequestView;
import dev.jitelevate.core.internal.gateway.RequestStatus;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A principal's ARM role requests waiting for approval, read from the tenant root: its own through
 * {@code asRequestor()} (no read permission needed), another principal's through {@code principalId eq}.
 */
final class PimPendingRequests {
  private final ArmClient arm;
  private final Supplier<TokenClaims> caller;

  PimPendingRequests(ArmClient arm, Supplier<TokenClaims> caller) {
    this.arm = arm;
    this.caller = caller;
  }

  List<PendingRequestView> of(PrincipalId principal) {
    String filter = principal.equals(caller.get().objectId()) ? "asRequestor()" : ArmSurfaceBase.filterFor(principal);
    return arm.call("roleAssignmentScheduleRequests.list", () -> arm.sdk().getRoleAssignmentScheduleRequests()
        .listForScope("", filter, Context.NONE).stream()
        .filter(r -> r.status() != null && RequestStatus.parse(r.status().toString()).isAwaitingApproval())
        .filter(r -> principal.value().equalsIgnoreCase(r.principalId()))
        .map(PimPendingRequests::view)
        .toList());
  }

  private static PendingRequestView view(RoleAssignmentScheduleRequestInner r) {
    ResolvedTarget target = new ResolvedTarget(SurfaceKind.ARM, Optional.ofNullable(r.roleDefinitionId()),
        roleName(r.expandedProperties(), r.roleDefinitionId()), r.scope(), Optional.empty(),
        ResolvedTarget.RoleActions.none());
    Optional<Duration> duration = Optional.ofNullable(r.scheduleInfo())
        .map(RoleAssignmentScheduleRequestPropertiesScheduleInfo::expiration)
        .map(RoleAssignmentScheduleRequestPropertiesScheduleInfoExpiration::duration)
        .flatMap(PimPendingRequests::duration);
    Instant created = Optional.ofNullable(r.createdOn()).map(OffsetDateTime::toInstant).orElse(Instant.EPOCH);
    return new PendingRequestView(target, r.name(), duration, created);
  }

  private static String roleName(ExpandedProperties expanded, String roleDefinitionId) {
    return expanded != null && expanded.roleDefinition() != null && expanded.roleDefinition().displayName() != null
        ? expanded.roleDefinition().displayName() : ArmScopes.lastSegment(roleDefinitionId);
  }

  private static Optional<Duration> duration(String iso) {
    try {
      return Optional.of(Duration.parse(iso));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
