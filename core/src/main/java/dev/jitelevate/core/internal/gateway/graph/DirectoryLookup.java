package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import java.util.Optional;

/**
 * Looks principals up in the directory by object id. ARM has no directory of its own, so every surface
 * asks Graph who a principal is.
 */
public final class DirectoryLookup {
  private final GraphServiceClient graph;
  private final GraphCalls calls;

  /**
   * Looks up without retrying; other failures than 404 are thrown as the SDK's {@link ODataError}. Prefer
   * {@link #DirectoryLookup(GraphServiceClient, SurfaceContext)}: the client from {@link GraphClients} has no
   * retry middleware of its own.
   */
  public DirectoryLookup(GraphServiceClient graph) {
    this.graph = graph;
    this.calls = null;
  }

  /**
   * Looks up retrying transient failures (429, 5xx, resets) with the run's retry budget and events, and
   * translating the others into {@link dev.jitelevate.core.ElevationException}s.
   */
  public DirectoryLookup(GraphServiceClient graph, SurfaceContext context) {
    this(graph, new GraphCalls(context, new CallReporter(call -> {})));
  }

  DirectoryLookup(GraphServiceClient graph, GraphCalls calls) {
    this.graph = graph;
    this.calls = calls;
  }

  /** The principal with this object id, or empty when the directory has none (404). */
  public Optional<PrincipalInfo> principal(PrincipalId id) {
    if (calls == null) {
      return once(id);
    }
    return calls.call("directoryObjects.get", () -> once(id));
  }

  private Optional<PrincipalInfo> once(PrincipalId id) {
    try {
      DirectoryObject found = graph.directoryObjects().byDirectoryObjectId(id.value()).get();
      return Optional.ofNullable(found).map(o -> info(id, o));
    } catch (ODataError e) {
      if (e.getResponseStatusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static PrincipalInfo info(PrincipalId id, DirectoryObject object) {
    if (object instanceof User user) {
      return new PrincipalInfo(id, "User", orId(user.getDisplayName(), id));
    }
    if (object instanceof ServicePrincipal sp) {
      return new PrincipalInfo(id, "ServicePrincipal", orId(sp.getDisplayName(), id));
    }
    if (object instanceof Group group) {
      return new PrincipalInfo(id, "Group", orId(group.getDisplayName(), id));
    }
    return new PrincipalInfo(id, typeOf(object.getOdataType()), id.value());
  }

  private static String typeOf(String odataType) {
    if (odataType == null) {
      return "Unknown";
    }
    String bare = odataType.substring(odataType.lastIndexOf('.') + 1);
    return bare.isEmpty() ? "Unknown" : Character.toUpperCase(bare.charAt(0)) + bare.substring(1);
  }

  private static String orId(String name, PrincipalId id) {
    return name == null || name.isBlank() ? id.value() : name;
  }
}
