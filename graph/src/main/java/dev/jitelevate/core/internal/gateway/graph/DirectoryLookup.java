package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.PrincipalType;
import java.util.Optional;

/**
 * Looks principals up in the directory by object id for the Graph surfaces (the ARM surfaces use one plain
 * request, {@code arm.DirectoryObjects}, so that they do not load the Graph SDK).
 */
final class DirectoryLookup {
  private final GraphServiceClient graph;
  private final GraphCalls calls;

  /** Looks up through {@code calls}: transient failures retried, the others translated. */
  DirectoryLookup(GraphServiceClient graph, GraphCalls calls) {
    this.graph = graph;
    this.calls = calls;
  }

  /** The principal with this object id, or empty when the directory has none (404). */
  Optional<PrincipalInfo> principal(PrincipalId id) {
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
      return new PrincipalInfo(id, PrincipalType.USER, orId(user.getDisplayName(), id));
    }
    if (object instanceof ServicePrincipal sp) {
      return new PrincipalInfo(id, PrincipalType.SERVICE_PRINCIPAL, orId(sp.getDisplayName(), id));
    }
    if (object instanceof Group group) {
      return new PrincipalInfo(id, PrincipalType.GROUP, orId(group.getDisplayName(), id));
    }
    return new PrincipalInfo(id, PrincipalType.ofODataType(object.getOdataType()), id.value());
  }

  private static String orId(String name, PrincipalId id) {
    return name == null || name.isBlank() ? id.value() : name;
  }
}
