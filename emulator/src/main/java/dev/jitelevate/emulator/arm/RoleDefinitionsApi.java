package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.List;
import java.util.Set;

/** {@code roleDefinitions}: get by GUID, list with {@code $filter=roleName eq '…'} or {@code type eq '…'}. */
final class RoleDefinitionsApi {
  private final ArmState state;
  private final ArmJson json;

  RoleDefinitionsApi(ArmState state, ArmJson json) {
    this.state = state;
    this.json = json;
  }

  EmulatorResponse handle(ArmCall call) {
    ApiVersions.RBAC.require(call.request());
    Routes.requireMethod(call, "GET");
    String name = call.segment(1);
    if (name == null) {
      ODataFilter filter = ArmFilters.parse(call.request().queryParam("$filter"), Set.of("rolename", "type"));
      List<ObjectNode> values = state.roles.values().stream()
          .filter(r -> filter.value("rolename").map(n -> n.equalsIgnoreCase(r.roleName())).orElse(true))
          .filter(r -> filter.value("type").map(t -> t.equalsIgnoreCase(r.type())).orElse(true))
          .map(r -> json.roleDefinition(r, call.scope()))
          .toList();
      return EmulatorResponse.json(200, ArmJson.list(values));
    }
    RoleDefinition role = state.role(name).orElseThrow(() -> ArmErrors.notFound("RoleDefinitionDoesNotExist",
        "The specified role definition with ID '" + name + "' does not exist."));
    return EmulatorResponse.json(200, json.roleDefinition(role, call.scope()));
  }
}
