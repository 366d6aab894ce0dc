package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;

/** Opens the Graph surfaces (directory roles, PIM for Groups) over microsoft-graph v6. */
public final class GraphSurfaces {
  private GraphSurfaces() {}

  /**
   * Opens the Graph surface of the given kind ({@link SurfaceKind#DIRECTORY} or {@link SurfaceKind#GROUP}) that
   * calls as {@code caller}; every HTTP call is reported to the context and transient failures are retried once
   * per layer, by {@link dev.jitelevate.core.internal.gateway.sdk.TransientRetry}.
   *
   * @throws IllegalArgumentException for an ARM kind
   */
  public static AccessSurface open(SurfaceKind kind, CredentialSource caller, SurfaceContext context, SdkHttp http) {
    CallReporter reporter = new CallReporter(context.apiCalls());
    GraphServiceClient graph = GraphClients.create(caller, context, http, reporter);
    GraphCalls calls = new GraphCalls(context, reporter);
    return switch (kind) {
      case DIRECTORY -> new DirectoryRoleSurface(caller, context, graph, calls);
      case GROUP -> new GroupSurface(caller, context, graph, calls);
      default -> throw new IllegalArgumentException("Graph has no " + kind + " surface; ARM kinds open through ArmSurfaces");
    };
  }
}
