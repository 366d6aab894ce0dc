package dev.jitelevate.core.internal.gateway.graph;

import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import dev.jitelevate.core.internal.gateway.sdk.SurfaceExtension;
import java.util.Set;

/** Adds the Graph surfaces (directory roles, PIM for Groups) to core's SDK factory; found by ServiceLoader. */
public final class GraphSurfaceExtension implements SurfaceExtension {

  @Override
  public Set<SurfaceKind> kinds() {
    return Set.of(SurfaceKind.DIRECTORY, SurfaceKind.GROUP);
  }

  @Override
  public AccessSurface open(SurfaceKind kind, CredentialSource caller, SurfaceContext context, SdkHttp http) {
    return GraphSurfaces.open(kind, caller, context, http);
  }
}
