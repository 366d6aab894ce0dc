package dev.jitelevate.core.internal.gateway.sdk;

import com.azure.core.http.HttpClient;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceFactory;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.internal.gateway.arm.ArmSurfaces;
import dev.jitelevate.core.internal.gateway.graph.GraphSurfaces;

/** The surfaces that speak the wire through the official SDKs; registered for {@link java.util.ServiceLoader}. */
public final class SdkSurfaceFactory implements SurfaceFactory {

  @Override
  public AccessSurface open(SurfaceKind kind, CredentialSource caller, SurfaceContext context) {
    SdkHttp http = SdkHttp.forCloud(context.cloud());
    return switch (kind) {
      case ARM, ARM_RBAC -> ArmSurfaces.open(kind, caller, context, http);
      case DIRECTORY, GROUP -> GraphSurfaces.open(kind, caller, context, http);
    };
  }

  @Override
  public HttpClient httpClient(SurfaceContext context) {
    return SdkHttp.forCloud(context.cloud()).azureHttpClient();
  }
}
