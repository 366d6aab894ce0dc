package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.rest.Response;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.AccessCheck;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.OData;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.util.Optional;
import java.util.function.Function;

/**
 * What both ARM surfaces share: resolving roles at scopes, principals through Graph, and the effectiveness
 * check through the permissions API with a token of the elevated identity issued now.
 */
abstract class ArmSurfaceBase implements AccessSurface {
  final ArmClient arm;
  final SurfaceContext context;
  private final SdkHttp http;
  private final RoleResolver roles;
  private final DirectoryPrincipals principals;
  private final Function<CredentialSource, TokenCredential> credentials;
  private CredentialSource checkedAs;
  private ArmClient checker;

  ArmSurfaceBase(ArmClient arm, DirectoryPrincipals principals, RoleResolver roles,
      Function<CredentialSource, TokenCredential> credentials, SurfaceContext context, SdkHttp http) {
    this.arm = arm;
    this.credentials = credentials;
    this.principals = principals;
    this.roles = roles;
    this.context = context;
    this.http = http;
  }

  @Override
  public ResolvedTarget resolve(ElevationTarget target) {
    return roles.resolve(target);
  }

  @Override
  public PrincipalInfo whoAmI(CredentialSource identity) {
    return principals.whoAmI(identity);
  }

  @Override
  public Optional<PrincipalInfo> principal(PrincipalId id) {
    return principals.principal(id);
  }

  /**
   * Asks ARM, as the elevated identity with a credential made now, what it may do at the scope: effective
   * once the permissions API shows every probed action and data action of the role. Management groups have no
   * permissions API; there see {@link ManagementGroupCheck}, which decides by all of the role's actions.
   */
  @Override
  public AccessCheck checkEffective(ResolvedTarget target, ResolvedTarget.RoleActions probe, PrincipalId principal,
      CredentialSource elevatedIdentity) {
    ArmClient elevated = checker(elevatedIdentity);
    if (ManagementGroupCheck.appliesTo(target.scope())) {
      return switch (ManagementGroupCheck.proofFor(target.roleActions())) {
        case ASSIGNMENT_VISIBLE -> ManagementGroupCheck.assignmentVisible(elevated, target, principal, "the identity");
        case OWN_INSTANCE -> withoutAssignmentsRead(elevated, target, principal);
      };
    }
    Optional<String> missing = EffectiveAccess.firstMissing(probe, elevated.permissions(target.scope()));
    return missing.isEmpty()
        ? AccessCheck.effective("the permissions API at " + target.scope() + " shows the actions of " + target.roleName())
        : AccessCheck.notYet("the permissions API at " + target.scope() + " does not show " + missing.get() + " yet");
  }

  /**
   * The check at a management group for a role that does not let the identity read role assignments there: its
   * own PIM instance, listed with {@code asTarget()}.
   */
  AccessCheck withoutAssignmentsRead(ArmClient elevated, ResolvedTarget target, PrincipalId principal) {
    return ManagementGroupCheck.ownInstanceListed(elevated, target, principal);
  }

  /**
   * The elevated identity's client for this surface's elevation, on the identity's one credential of this
   * surface: its token (from signing in for who it is) is reused instead of signing in again before the
   * checks. ARM evaluates role assignments per request, not from token claims, so the token need not be
   * younger than the activation.
   */
  private synchronized ArmClient checker(CredentialSource identity) {
    if (checker == null || checkedAs != identity) {
      checker = ArmClient.create(credentials.apply(identity), identity, context, http);
      checkedAs = identity;
    }
    return checker;
  }

  /** ARM's request id of a response. */
  static Optional<String> requestId(Response<?> response) {
    return Optional.ofNullable(response.getHeaders().getValue(ApiCallPolicy.REQUEST_ID));
  }

  static String filterFor(PrincipalId principal) {
    return OData.eq("principalId", principal.value());
  }
}
