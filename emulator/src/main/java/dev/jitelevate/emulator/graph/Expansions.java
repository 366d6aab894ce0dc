package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiFunction;

/** {@code $expand} of the navigation properties PIM entities have: {@code roleDefinition} and {@code principal}. */
final class Expansions {
  private Expansions() {}

  static BiFunction<ObjectNode, ODataQuery, ObjectNode> pim(GraphTenant tenant) {
    return (entity, query) -> {
      if (query.expands("roleDefinition") && entity.hasNonNull("roleDefinitionId")) {
        DirectoryRoleCatalog.byId(entity.get("roleDefinitionId").asText())
            .ifPresent(role -> entity.set("roleDefinition", DirectoryObjects.roleDefinition(role)));
      }
      if (query.expands("principal") && entity.hasNonNull("principalId")) {
        String id = entity.get("principalId").asText();
        tenant.directory().principal(id).map(DirectoryObjects::principal)
            .or(() -> tenant.directory().group(id).map(DirectoryObjects::group))
            .ifPresent(p -> entity.set("principal", p));
      }
      if (query.expands("group") && entity.hasNonNull("groupId")) {
        tenant.directory().group(entity.get("groupId").asText())
            .ifPresent(g -> entity.set("group", DirectoryObjects.group(g)));
      }
      return entity;
    };
  }
}
