package dev.jitelevate.core.internal.gateway.arm;

import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;

/** Opens the ARM surfaces (PIM schedule requests, plain role assignments) over azure-resourcemanager-authorization. */
public final class ArmSurfaces {
  private ArmSurfaces() {}

  /** Opens the ARM surface of the given kind ({@link SurfaceKind#ARM} or {@link SurfaceKind#ARM_RBAC}). */
  public static AccessSurface open(SurfaceKind kind, CredentialSource caller, SurfaceContext context, SdkHttp http) {
    throw new UnsupportedOperationException("ARM surface not implemented yet");
  }
}
