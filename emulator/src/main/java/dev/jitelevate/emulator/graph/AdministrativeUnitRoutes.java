package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /directory/administrativeUnits[/{id}]}: the scenario's {@code administrativeUnits} section
 * ({@code [{id, displayName, description?}]}), listed with OData options and paged like every Graph collection, so
 * directory role assignments scoped to {@code /administrativeUnits/{id}} can be resolved by name.
 */
final class AdministrativeUnitRoutes {
  static final Permission READ = new Permission(
      java.util.Set.of("AdministrativeUnit.Read.All", "AdministrativeUnit.ReadWrite.All", "Directory.Read.All",
          "Directory.ReadWrite.All"),
      java.util.Set.of("AdministrativeUnit.Read.All", "AdministrativeUnit.ReadWrite.All", "Directory.Read.All",
          "Directory.ReadWrite.All"));

  private final List<ObjectNode> units;

  AdministrativeUnitRoutes(List<ObjectNode> units) {
    this.units = List.copyOf(units);
  }

  /** The units a scenario declares. */
  static AdministrativeUnitRoutes from(Scenario scenario) {
    List<ObjectNode> units = new ArrayList<>();
    for (JsonNode entry : scenario.section("administrativeUnits")) {
      ObjectNode unit = Json.object();
      unit.put("@odata.type", "#microsoft.graph.administrativeUnit");
      unit.put("id", entry.path("id").asText());
      unit.put("displayName", entry.path("displayName").asText());
      unit.put("description", Json.text(entry, "description"));
      unit.putNull("visibility");
      units.add(unit);
    }
    return new AdministrativeUnitRoutes(units);
  }

  /** Whether a directory scope ({@code /administrativeUnits/{id}}) names a unit of the scenario. */
  boolean exists(String directoryScopeId) {
    return directoryScopeId.startsWith("/administrativeUnits/")
        && find(directoryScopeId.substring("/administrativeUnits/".length())).isPresent();
  }

  boolean owns(GraphCall call) {
    return call.is(0, "directory") && call.is(1, "administrativeUnits");
  }

  EmulatorResponse handle(GraphCall call) {
    if (!call.isGet()) {
      throw call.methodNotAllowed();
    }
    GraphAuth.require(call.caller(), READ);
    if (call.size() > 3) {
      throw call.unknownSegment(3);
    }
    if (call.size() == 2) {
      List<ObjectNode> copies = units.stream().map(ObjectNode::deepCopy).toList();
      return call.collection("directory/administrativeUnits", call.query().apply(copies));
    }
    ObjectNode unit = find(call.segment(2))
        .orElseThrow(() -> GraphException.resourceNotFound("administrativeUnit", call.segment(2)));
    return call.entity(200, "directory/administrativeUnits/$entity", call.query().project(unit.deepCopy()));
  }

  private Optional<ObjectNode> find(String id) {
    return units.stream().filter(u -> u.path("id").asText().equalsIgnoreCase(id)).findFirst();
  }
}
