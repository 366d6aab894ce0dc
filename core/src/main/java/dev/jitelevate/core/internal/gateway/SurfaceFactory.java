package dev.jitelevate.core.internal.gateway;

import com.azure.core.http.HttpClient;
import dev.jitelevate.core.CredentialSource;

/**
 * Opens {@link AccessSurface}s: the seam between the lifecycle and the SDK gateways. The lifecycle finds the
 * implementation with {@link java.util.ServiceLoader} (register it in
 * {@code META-INF/services/dev.jitelevate.core.internal.gateway.SurfaceFactory}); tests pass a fake.
 *
 * <p>The lifecycle picks the kind per target and strategy: Azure roles with self or broker use {@link
 * SurfaceKind#ARM}, with rbac {@link SurfaceKind#ARM_RBAC}; directory roles {@link SurfaceKind#DIRECTORY};
 * groups {@link SurfaceKind#GROUP}. The caller is the identity for self and the broker for broker and rbac.
 *
 * <p>Contract of the {@link SurfaceKind#ARM_RBAC} surface: {@code submit} with {@link ScheduleAction#ADMIN_ASSIGN}
 * creates the role assignment named {@code spec.requestId()} with {@code spec.description()} and answers
 * {@code Provisioned}; {@code submit} with {@link ScheduleAction#ADMIN_REMOVE} deletes the role assignment
 * named {@code spec.requestId()} (the same name) and answers {@code Revoked}; {@code activeInstances} lists plain
 * assignments (id = assignment name, description = the marker); {@code get} reads the assignment as a request.
 * It also implements {@link PlainRoleAssignments}, which the sweep uses.
 */
public interface SurfaceFactory {

  /** Opens a surface of the given kind that calls the service as {@code caller}. */
  AccessSurface open(SurfaceKind kind, CredentialSource caller, SurfaceContext context);

  /** The HTTP client privileged operations should use (one stack, trusting the profile's CA). */
  default HttpClient httpClient(SurfaceContext context) {
    return HttpClient.createDefault();
  }
}
