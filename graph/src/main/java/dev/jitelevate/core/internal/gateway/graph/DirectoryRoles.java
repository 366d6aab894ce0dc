package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.UnifiedRoleDefinition;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.RoleRef;
import dev.jitelevate.core.internal.gateway.OData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds directory role definitions by display name, id or template id ({@code /roleManagement/directory/roleDefinitions}),
 * and remembers what it found (names for status listings, whether a role is built-in for the {@code wids} check).
 */
final class DirectoryRoles {
  /** A role definition: {@code id} is what PIM requests name (equal to the template id for built-in roles). */
  record Role(String id, String displayName, boolean builtIn) {}

  private final GraphServiceClient graph;
  private final GraphCalls calls;
  private final Map<String, Role> known = new ConcurrentHashMap<>();

  DirectoryRoles(GraphServiceClient graph, GraphCalls calls) {
    this.graph = graph;
    this.calls = calls;
  }

  /**
   * The one role the reference names.
   *
   * @throws InvalidElevationRequestException when no role or more than one has that name or id
   */
  Role resolve(RoleRef ref) {
    if (ref.id().isPresent()) {
      String id = ref.id().get();
      List<UnifiedRoleDefinition> found = byFilter(OData.eq("id", id));
      if (found.isEmpty()) {
        found = byFilter(OData.eq("templateId", id));
      }
      return one(found, ref, "No Entra role has the id or template id " + id + ".",
          "Check the id (Entra admin center > Roles and administrators > the role > Description), or pass the role's display name.");
    }
    String name = ref.displayName().orElseThrow();
    return one(byFilter(OData.eq("displayName", name)), ref,
        "No Entra role is named '" + name + "'.",
        "Use the display name exactly as the Entra admin center shows it (e.g. 'User Administrator'), or pass the role's template id.");
  }

  boolean isBuiltIn(String id) {
    Role role = known.get(id.toLowerCase(java.util.Locale.ROOT));
    return role == null || role.builtIn(); // unknown here (a revoke from a handle): built-in roles are the norm
  }

  /** The role's display name when known, else its id. */
  String nameOf(String id) {
    if (id == null) {
      return "";
    }
    return Optional.ofNullable(known.get(id.toLowerCase(java.util.Locale.ROOT))).map(Role::displayName).orElseGet(() -> {
      try {
        List<UnifiedRoleDefinition> found = byFilter(OData.eq("id", id));
        return found.isEmpty() ? id : remember(found.get(0)).displayName();
      } catch (ElevationException e) {
        return id;
      }
    });
  }

  private Role one(List<UnifiedRoleDefinition> found, RoleRef ref, String none, String fix) {
    if (found.isEmpty()) {
      throw new InvalidElevationRequestException("role", none, fix);
    }
    if (found.size() > 1) {
      throw new InvalidElevationRequestException("role", found.size() + " Entra roles match '" + ref.describe() + "' ("
          + String.join(", ", found.stream().map(d -> d.getDisplayName() + " " + d.getId()).toList()) + ").",
          "Pass the id of the one you mean.");
    }
    return remember(found.get(0));
  }

  private Role remember(UnifiedRoleDefinition d) {
    Role role = new Role(d.getId(), d.getDisplayName() == null ? d.getId() : d.getDisplayName(),
        !Boolean.FALSE.equals(d.getIsBuiltIn()));
    known.put(role.id().toLowerCase(java.util.Locale.ROOT), role);
    return role;
  }

  private List<UnifiedRoleDefinition> byFilter(String filter) {
    var list = graph.roleManagement().directory().roleDefinitions();
    return calls.call("roleDefinitions.list", () -> GraphPages.all(
        list.get(rc -> rc.queryParameters.filter = filter), p -> p.getValue(), link -> list.withUrl(link).get()));
  }
}
