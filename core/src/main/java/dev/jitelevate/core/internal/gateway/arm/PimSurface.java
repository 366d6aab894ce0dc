package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.resourcemanager.authorization.fluent.RoleAssignmentScheduleRequestsClient;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentScheduleRequestInner;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.StatusReport;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.AzureErrorCodes;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.Eligibility;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * PIM for Azure resources: activations (self) and time-bound admin assignments (broker) through
 * {@code roleAssignmentScheduleRequests}, named by the lifecycle's request id so that a retried submit finds
 * the request an earlier attempt created instead of failing.
 */
final class PimSurface extends ArmSurfaceBase {
  private static final String CREATE = "roleAssignmentScheduleRequests.create";

  private final PimPolicies policies;
  private final PimSchedules schedules;
  private final PimPendingRequests pending;

  PimSurface(ArmClient arm, DirectoryPrincipals principals, RoleResolver roles, Supplier<TokenClaims> caller,
      Function<CredentialSource, TokenCredential> credentials, SurfaceContext context, SdkHttp http) {
    super(arm, principals, roles, credentials, context, http);
    this.policies = new PimPolicies(arm, caller);
    this.schedules = new PimSchedules(arm, caller, context.clock());
    this.pending = new PimPendingRequests(arm, caller);
  }

  @Override
  public EffectivePolicy policy(ResolvedTarget target) {
    return policies.policy(target);
  }

  @Override
  public List<Eligibility> eligibilities(PrincipalId principal, ResolvedTarget target) {
    return schedules.eligibilities(principal, target);
  }

  @Override
  public List<ActiveInstance> activeInstances(PrincipalId principal, ResolvedTarget target) {
    return schedules.activeInstances(principal, target);
  }

  @Override
  public ScheduleRequestView submit(ScheduleRequestSpec spec) {
    RoleAssignmentScheduleRequestInner body = ScheduleRequests.body(spec);
    String scope = ArmScopes.arg(spec.target().scope());
    try {
      Response<RoleAssignmentScheduleRequestInner> created = arm.call(CREATE,
          () -> requests().createWithResponse(scope, spec.requestId(), body, Context.NONE));
      return ScheduleRequests.view(created.getValue(), requestId(created));
    } catch (ElevationException e) {
      if (AzureErrorCodes.is(e, AzureErrorCodes.REQUEST_EXISTS, AzureErrorCodes.ROLE_ASSIGNMENT_EXISTS, AzureErrorCodes.PENDING_REQUEST)) {
        Optional<ScheduleRequestView> ours = existing(spec);
        if (ours.isPresent()) {
          return ours.get(); // an earlier attempt of this very request landed
        }
      }
      throw e;
    }
  }

  /** The request named by the spec's id, when it exists and is the same request (principal, role, type). */
  private Optional<ScheduleRequestView> existing(ScheduleRequestSpec spec) {
    try {
      Response<RoleAssignmentScheduleRequestInner> found = arm.call("roleAssignmentScheduleRequests.get",
          () -> requests().getWithResponse(ArmScopes.arg(spec.target().scope()), spec.requestId(), Context.NONE));
      return ScheduleRequests.isSame(found.getValue(), spec)
          ? Optional.of(ScheduleRequests.view(found.getValue(), requestId(found)))
          : Optional.empty();
    } catch (ElevationException e) {
      if (e.httpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public ScheduleRequestView validate(ScheduleRequestSpec spec) {
    RoleAssignmentScheduleRequestInner body = ScheduleRequests.body(spec);
    Response<RoleAssignmentScheduleRequestInner> checked = arm.call("roleAssignmentScheduleRequests.validate",
        () -> requests().validateWithResponse(ArmScopes.arg(spec.target().scope()), spec.requestId(), body, Context.NONE));
    return ScheduleRequests.view(checked.getValue(), requestId(checked));
  }

  @Override
  public ScheduleRequestView get(ResolvedTarget target, String requestId) {
    Response<RoleAssignmentScheduleRequestInner> found = arm.call("roleAssignmentScheduleRequests.get",
        () -> requests().getWithResponse(ArmScopes.arg(target.scope()), requestId, Context.NONE));
    return ScheduleRequests.view(found.getValue(), requestId(found));
  }

  @Override
  public void cancel(ResolvedTarget target, String requestId) {
    arm.call("roleAssignmentScheduleRequests.cancel",
        () -> requests().cancelWithResponse(ArmScopes.arg(target.scope()), requestId, Context.NONE));
  }

  @Override
  public Optional<StatusReport> status(PrincipalId principal) {
    return Optional.of(schedules.status(principal));
  }

  @Override
  public Optional<List<dev.jitelevate.core.internal.gateway.PendingRequestView>> pendingRequests(
      PrincipalId principal) {
    return Optional.of(pending.of(principal));
  }

  private RoleAssignmentScheduleRequestsClient requests() {
    return arm.sdk().getRoleAssignmentScheduleRequests();
  }
}
