package dev.jitelevate.core.internal.gateway.sdk;

import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.util.Set;

/**
 * Surfaces that an artifact of their own adds to
 * {@link dev.jitelevate.core.internal.gateway.factory.SdkSurfaceFactory}, found with
 * {@link java.util.ServiceLoader} (register the implementation in
 * {@code META-INF/services/dev.jitelevate.core.internal.gateway.sdk.SurfaceExtension}). {@code jit-elevate-graph}
 * adds directory roles and PIM for Groups this way, so a consumer of Azure roles alone does not pull the
 * Microsoft Graph SDK.
 */
public interface SurfaceExtension {

  /** The kinds this extension opens. */
  Set<SurfaceKind> kinds();

  /** Opens the surface of the given kind, one of {@link #kinds()}, over the process's shared HTTP stack. */
  AccessSurface open(SurfaceKind kind, CredentialSource caller, SurfaceContext context, SdkHttp http);
}
