package dev.jitelevate.core.internal.gateway.factory;

import com.azure.core.http.HttpClient;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceFactory;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.internal.gateway.arm.ArmSurfaces;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import dev.jitelevate.core.internal.gateway.sdk.SurfaceExtension;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The surfaces that speak the wire through the official SDKs; registered for {@link java.util.ServiceLoader}.
 * Opens the ARM surfaces itself and the others through the {@link SurfaceExtension}s on the class path.
 */
public final class SdkSurfaceFactory implements SurfaceFactory {
  private final Map<SurfaceKind, SurfaceExtension> extensions;

  /** The factory with every {@link SurfaceExtension} that {@link ServiceLoader} finds next to core. */
  public SdkSurfaceFactory() {
    this(ServiceLoader.load(SurfaceExtension.class, SurfaceExtension.class.getClassLoader()));
  }

  SdkSurfaceFactory(Iterable<SurfaceExtension> found) {
    Map<SurfaceKind, SurfaceExtension> byKind = new EnumMap<>(SurfaceKind.class);
    for (SurfaceExtension extension : found) {
      extension.kinds().forEach(kind -> byKind.putIfAbsent(kind, extension));
    }
    this.extensions = Map.copyOf(byKind);
  }

  @Override
  public AccessSurface open(SurfaceKind kind, CredentialSource caller, SurfaceContext context) {
    SdkHttp http = SdkHttp.forContext(context);
    return switch (kind) {
      case ARM, ARM_RBAC -> ArmSurfaces.open(kind, caller, context, http);
      case DIRECTORY, GROUP -> extension(kind).open(kind, caller, context, http);
    };
  }

  @Override
  public HttpClient httpClient(SurfaceContext context) {
    return SdkHttp.forContext(context).azureHttpClient();
  }

  private SurfaceExtension extension(SurfaceKind kind) {
    SurfaceExtension extension = extensions.get(kind);
    if (extension == null) {
      String what = kind == SurfaceKind.DIRECTORY ? "Directory roles" : "PIM for Groups";
      throw new InvalidElevationRequestException("target",
          what + " are served by the jit-elevate-graph artifact, which is not on the class path.",
          "Add the dependency dev.jitelevate:jit-elevate-graph (the same version as jit-elevate-core).");
    }
    return extension;
  }
}
