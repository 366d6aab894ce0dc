package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.credential.TokenCredential;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
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
    Function<CredentialSource, TokenCredential> credentials = credentialPerIdentity(ArmPipeline.tenant(context));
    TokenCredential callerCredential = credentials.apply(caller);
    ArmClient arm = ArmClient.create(callerCredential, caller, context, http);
    DirectoryPrincipals principals = new DirectoryPrincipals(callerCredential, credentials, context, http);
    RoleResolver roles = new RoleResolver(arm, kind);
    return switch (kind) {
      case ARM -> new PimSurface(arm, principals, roles, memoize(() -> TokenClaims.of(callerCredential,
          ArmPipeline.tenant(context), ArmPipeline.tokenScope(context.cloud()))), credentials, context, http);
      case ARM_RBAC -> new RbacSurface(arm, principals, roles, credentials, context, http);
      default -> throw new IllegalArgumentException(kind + " is not an ARM surface");
    };
  }

  /**
   * One credential per identity for the surface's life, so its ARM token is requested once and then reused
   * (who signed in, the caller's own claims, the propagation checks; see {@link ReusedTokens}). ARM
   * evaluates role assignments per request, not from token claims, so a token issued before the activation
   * sees it as soon as ARM does.
   */
  private static Function<CredentialSource, TokenCredential> credentialPerIdentity(String tenant) {
    Map<CredentialSource, TokenCredential> made = new IdentityHashMap<>();
    return identity -> {
      synchronized (made) {
        return made.computeIfAbsent(identity, source -> new ReusedTokens(source.newCredential(), tenant));
      }
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
