package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.resourcemanager.authorization.fluent.RoleAssignmentsClient;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentInner;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.AccessCheck;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.AssignmentType;
import dev.jitelevate.core.internal.gateway.AzureErrorCodes;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.Eligibility;
import dev.jitelevate.core.internal.gateway.PlainRoleAssignments;
import dev.jitelevate.core.internal.gateway.RequestStatus;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ScheduleAction;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plain role assignments for tenants without PIM (the rbac strategy), per {@link
 * dev.jitelevate.core.internal.gateway.SurfaceFactory}'s contract: an assignment named by the request id
 * carries the expiry marker in its description; removing deletes it; a sweep finds marked leftovers.
 * Role assignment writes are synchronous, so a "request" is the assignment itself and nothing is ever pending.
 */
final class RbacSurface extends ArmSurfaceBase implements PlainRoleAssignments {
  static final String WRITE = "Microsoft.Authorization/roleAssignments/write";
  private static final String MARKER = "jit-elevate:";

  RbacSurface(ArmClient arm, DirectoryPrincipals principals, RoleResolver roles,
      Function<CredentialSource, TokenCredential> credentials, SurfaceContext context, SdkHttp http) {
    super(arm, principals, roles, credentials, context, http);
  }

  /** Plain role assignments have no PIM policy; the lifecycle asks for none on this surface. */
  @Override
  public EffectivePolicy policy(ResolvedTarget target) {
    throw new UnsupportedOperationException("plain role assignments (the rbac strategy) have no PIM policy");
  }

  /** Nobody is eligible for a plain role assignment. */
  @Override
  public List<Eligibility> eligibilities(PrincipalId principal, ResolvedTarget target) {
    return List.of();
  }

  @Override
  public List<ActiveInstance> activeInstances(PrincipalId principal, ResolvedTarget target) {
    String filter = filterFor(principal);
    return arm.call("roleAssignments.list", () -> assignments()
        .listForScope(ArmScopes.arg(target.scope()), filter, null, null, Context.NONE).stream()
        .filter(a -> ArmScopes.sameRole(a.roleDefinitionId(), target.roleDefinitionId().orElse("")))
        .filter(a -> ArmScopes.sameScope(a.scope(), target.scope()))
        .map(a -> instance(a, a.name()))
        .toList());
  }

  /**
   * A plain assignment has no PIM instance the identity could list (whether ARM lists non-PIM assignments as
   * instances is not documented). So at a management group, for a role that does not let the identity read role
   * assignments there, only the broker's view is left: the assignment exists.
   */
  @Override
  AccessCheck withoutAssignmentsRead(ArmClient elevated, ResolvedTarget target, PrincipalId principal) {
    AccessCheck seen = ManagementGroupCheck.assignmentVisible(arm, target, principal, "the broker");
    return seen.effective() ? AccessCheck.effective(seen.detail() + " (management groups have no permissions API "
        + "and the role does not let the identity read role assignments there: this proves the assignment exists, "
        + "not its propagation)") : seen;
  }

  @Override
  public ScheduleRequestView submit(ScheduleRequestSpec spec) {
    if (spec.action() == ScheduleAction.ADMIN_ASSIGN) {
      return assign(spec);
    }
    throw new IllegalArgumentException("The rbac surface submits assignments only (removal is removeAssignment), not "
        + spec.action());
  }

  private ScheduleRequestView assign(ScheduleRequestSpec spec) {
    RoleAssignmentCreateParameters body = new RoleAssignmentCreateParameters()
        .withRoleDefinitionId(spec.target().roleDefinitionId().orElseThrow())
        .withPrincipalId(spec.principal().value())
        .withDescription(spec.description().orElse(null));
    String scope = ArmScopes.arg(spec.target().scope());
    try {
      Response<RoleAssignmentInner> created = arm.call("roleAssignments.create",
          () -> assignments().createWithResponse(scope, spec.requestId(), body, Context.NONE));
      return provisioned(created.getValue(), requestId(created));
    } catch (ElevationException e) {
      if (AzureErrorCodes.is(e, AzureErrorCodes.ROLE_ASSIGNMENT_EXISTS)) {
        Optional<ScheduleRequestView> ours = own(spec);
        if (ours.isPresent()) {
          return ours.get(); // an earlier attempt of this very assignment landed
        }
      }
      throw e;
    }
  }

  private Optional<ScheduleRequestView> own(ScheduleRequestSpec spec) {
    Optional<Response<RoleAssignmentInner>> found = read(spec.target().scope(), spec.requestId());
    return found.filter(r -> spec.principal().value().equalsIgnoreCase(r.getValue().principalId()))
        .map(r -> provisioned(r.getValue(), requestId(r)));
  }

  /** ARM answers a delete of a missing assignment with 204 and no body: that is "already gone", not a failure. */
  @Override
  public boolean removeAssignment(ResolvedTarget target, String name) {
    Response<RoleAssignmentInner> deleted = arm.call("roleAssignments.delete", () -> assignments()
        .deleteWithResponse(ArmScopes.arg(target.scope()), name, null, Context.NONE));
    return deleted.getValue() != null;
  }

  /** Checks, without writing, that the caller may create role assignments at the scope. */
  @Override
  public ScheduleRequestView validate(ScheduleRequestSpec spec) {
    String scope = spec.target().scope();
    List<ArmClient.Permission> granted = arm.permissions(scope);
    boolean mayWrite = granted.stream().anyMatch(p -> p.actions().stream().anyMatch(a -> EffectiveAccess.matches(a, WRITE))
        && p.notActions().stream().noneMatch(a -> EffectiveAccess.matches(a, WRITE)));
    if (!mayWrite) {
      throw new ElevationException(FailureKind.NOT_AUTHORIZED, "The broker may not create role assignments at " + scope
          + ": the permissions API does not show " + WRITE + ". Give the broker User Access Administrator (or Role "
          + "Based Access Control Administrator) at the scope.");
    }
    return new ScheduleRequestView(spec.requestId(), RequestStatus.ACCEPTED, "Accepted", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Override
  public ScheduleRequestView get(ResolvedTarget target, String requestId) {
    Response<RoleAssignmentInner> found = read(target.scope(), requestId).orElseThrow(() -> new ElevationException(
        FailureKind.INVALID_REQUEST, "Role assignment " + requestId + " at " + target.scope() + " does not exist.",
        "RoleAssignmentNotFound", null, 404, null));
    return provisioned(found.getValue(), requestId(found));
  }

  /** Role assignment writes are synchronous: nothing is ever pending, so there is nothing to cancel. */
  @Override
  public void cancel(ResolvedTarget target, String requestId) {
    // intentionally empty: see the Javadoc
  }

  @Override
  public List<ActiveInstance> markedAssignments(String scope) {
    return arm.call("roleAssignments.list", () -> assignments().listForScope(ArmScopes.arg(scope)).stream()
        .filter(a -> a.description() != null && a.description().contains(MARKER))
        .filter(a -> ArmScopes.covers(scope, a.scope()))
        .map(a -> instance(a, a.id()))
        .toList());
  }

  /** Reads from the tenant root with {@code assignedTo}: direct assignments and those through groups. */
  @Override
  public List<dev.jitelevate.core.StatusReport.Leftover> leftovers(PrincipalId principal) {
    String filter = "assignedTo(" + dev.jitelevate.core.internal.gateway.OData.literal(principal.value()) + ")";
    List<RoleAssignmentInner> marked = arm.call("roleAssignments.list", () -> assignments()
        .listForScope("", filter, null, null, Context.NONE).stream()
        .filter(a -> a.description() != null && a.description().contains(MARKER)).toList());
    return marked.stream().map(a -> new dev.jitelevate.core.StatusReport.Leftover(roleName(a.roleDefinitionId()),
        a.scope(), a.id(), RbacExpiry.of(a.description()))).toList();
  }

  /** The role's display name, or its GUID when the definition cannot be read. */
  private String roleName(String roleDefinitionId) {
    try {
      return Optional.ofNullable(arm.call("roleDefinitions.get", () -> arm.sdk().getRoleDefinitions()
          .getById(roleDefinitionId)).roleName()).orElse(ArmScopes.lastSegment(roleDefinitionId));
    } catch (ElevationException e) {
      return ArmScopes.lastSegment(roleDefinitionId);
    }
  }

  @Override
  public void deleteAssignment(String assignmentId) {
    arm.call("roleAssignments.delete", () -> assignments().deleteByIdWithResponse(assignmentId, null, Context.NONE));
  }

  private Optional<Response<RoleAssignmentInner>> read(String scope, String name) {
    try {
      return Optional.of(arm.call("roleAssignments.get",
          () -> assignments().getWithResponse(ArmScopes.arg(scope), name, null, Context.NONE)));
    } catch (ElevationException e) {
      if (e.httpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static ScheduleRequestView provisioned(RoleAssignmentInner a, Optional<String> serviceRequestId) {
    Optional<java.time.Instant> start = Optional.ofNullable(a.createdOn()).map(java.time.OffsetDateTime::toInstant);
    return new ScheduleRequestView(a.name(), RequestStatus.PROVISIONED, "Provisioned", Optional.empty(), start,
        RbacExpiry.of(a.description()), Optional.ofNullable(a.id()), serviceRequestId);
  }

  private static ActiveInstance instance(RoleAssignmentInner a, String id) {
    java.time.Instant start = a.createdOn() == null ? java.time.Instant.EPOCH : a.createdOn().toInstant();
    return new ActiveInstance(id, AssignmentType.ROLE_ASSIGNMENT, start, Optional.empty(), Optional.of(a.name()),
        Optional.ofNullable(a.description()));
  }

  private RoleAssignmentsClient assignments() {
    return arm.sdk().getRoleAssignments();
  }
}
