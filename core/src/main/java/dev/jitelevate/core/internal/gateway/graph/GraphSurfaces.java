package dev.jitelevate.core.internal.gateway.graph;

import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;

/** Opens the Graph surfaces (directory roles, PIM for Groups) over microsoft-graph v6. */
public final class GraphSurfaces {
  private GraphSurfaces() {}

  /** Opens the Graph surface of the given kind ({@link SurfaceKind#DIRECTORY} or {@link SurfaceKind#GROUP}). */
  public static AccessSurface open(SurfaceKind kind, CredentialSource caller, SurfaceContext context, SdkHttp http) {
    throw new UnsupportedOperationException("Graph surface not implemented yet");
  }
}
