package dev.jitelevate.core.internal.gateway.arm;

import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.util.function.Supplier;

/** Opens the ARM surfaces (PIM schedule requests, plain role assignments) over azure-resourcemanager-authorization. */
public final class ArmSurfaces {
  private ArmSurfaces() {}

  /**
   * Opens the ARM surface of the given kind ({@link SurfaceKind#ARM} or {@link SurfaceKind#ARM_RBAC}), calling
   * ARM as {@code caller} on the cloud profile's endpoint with tokens for its ARM audience.
   *
   * @throws IllegalArgumentException for a kind that is not an ARM surface
   */
  public static AccessSurface open(SurfaceKind kind, CredentialSource caller, SurfaceContext context, SdkHttp http) {
    ArmClient arm = ArmClient.create(caller.newCredential(), context, http);
    DirectoryPrincipals principals = new DirectoryPrincipals(caller, context, http);
    RoleResolver roles = new RoleResolver(arm, kind);
    return switch (kind) {
      case ARM -> new PimSurface(arm, principals, roles, memoize(() -> TokenClaims.of(caller, ArmPipeline.tenant(context),
          ArmPipeline.tokenScope(context.cloud()))), context, http);
      case ARM_RBAC -> new RbacSurface(arm, principals, roles, context, http);
      default -> throw new IllegalArgumentException(kind + " is not an ARM surface");
    };
  }

  private static <T> Supplier<T> memoize(Supplier<T> source) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = source.get();
        }
        return value;
      }
    };
  }
}
