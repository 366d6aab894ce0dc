package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.Group;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.GroupRef;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.OData;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.PrincipalType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds groups by object id or display name ({@code /groups}), and remembers their names for status listings. */
final class Groups {
  record Found(String id, String displayName) {}

  private final GraphServiceClient graph;
  private final GraphCalls calls;
  private final DirectoryLookup lookup;
  private final Map<String, String> names = new ConcurrentHashMap<>();

  Groups(GraphServiceClient graph, GraphCalls calls, DirectoryLookup lookup) {
    this.graph = graph;
    this.calls = calls;
    this.lookup = lookup;
  }

  /**
   * The one group the reference names.
   *
   * @throws InvalidElevationRequestException when no group, or more than one, matches
   */
  Found resolve(GroupRef ref) {
    if (ref.id().isPresent()) {
      PrincipalId id = ref.id().get();
      PrincipalInfo found = lookup.principal(id).filter(p -> p.type().kind() == PrincipalType.Kind.GROUP)
          .orElseThrow(() -> new InvalidElevationRequestException("group", "No group has the object id " + id + ".",
              "Check the group's object id in the Entra admin center, or pass its display name."));
      return remember(new Found(id.value(), found.displayName()));
    }
    String name = ref.displayName().orElseThrow();
    var list = graph.groups();
    List<Group> found = calls.call("groups.list", () -> GraphPages.all(
        list.get(rc -> rc.queryParameters.filter = OData.eq("displayName", name)),
        p -> p.getValue(), link -> list.withUrl(link).get()));
    if (found.isEmpty()) {
      throw new InvalidElevationRequestException("group", "No group is named '" + name + "'.",
          "Use the display name exactly as the Entra admin center shows it, or pass the group's object id.");
    }
    if (found.size() > 1) {
      throw new InvalidElevationRequestException("group", found.size() + " groups are named '" + name + "' ("
          + String.join(", ", found.stream().map(Group::getId).toList()) + ").", "Pass the object id of the one you mean.");
    }
    return remember(new Found(found.get(0).getId(), name));
  }

  /** The group's display name, or its id when it cannot be read. */
  String nameOf(String groupId) {
    if (groupId == null) {
      return "";
    }
    return names.computeIfAbsent(groupId, id -> {
      try {
        return lookup.principal(PrincipalId.of(id)).map(PrincipalInfo::displayName).orElse(id);
      } catch (ElevationException | IllegalArgumentException e) {
        return id;
      }
    });
  }

  private Found remember(Found found) {
    names.put(found.id(), found.displayName());
    return found;
  }
}
