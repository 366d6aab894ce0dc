package dev.jitelevate.audit.ship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's own table and rule definition ({@code audit/infra/jit-elevation.json}), and the demo tenant with that rule. */
final class ShipFixture {
  static final Path TEMPLATE = Path.of("infra", "jit-elevation.json");
  static final String SUB = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String RULE_ID = "dcr-4a1b2c3d4e5f60718293a4b5c6d7e8f9";
  static final String BROKER = "b0b0b0b0-0000-4000-8000-000000000001";

  private ShipFixture() {}

  static JsonNode template() {
    try {
      return new ObjectMapper().readTree(TEMPLATE.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode resource(String type) {
    for (JsonNode r : template().path("resources")) {
      if (r.path("type").asText().equals(type)) {
        return r;
      }
    }
    throw new IllegalStateException("No " + type + " in " + TEMPLATE);
  }

  /** The stream's declaration as the data collection rule deploys it. */
  static JsonNode streamDeclarations() {
    return resource("Microsoft.Insights/dataCollectionRules").path("properties").path("streamDeclarations");
  }

  /** The stream's column names, in order. */
  static List<String> streamColumns() {
    List<String> names = new ArrayList<>();
    streamDeclarations().path(ShipTarget.DEFAULT_STREAM).path("columns").forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  /** The table's column names, in order. */
  static List<String> tableColumns() {
    List<String> names = new ArrayList<>();
    resource("Microsoft.OperationalInsights/workspaces/tables").path("properties").path("schema").path("columns")
        .forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  /** The demo tenant plus the repository's rule, on which the broker may publish when asked. */
  static Scenario demoWithRule(boolean brokerMayPublish) {
    ObjectNode root = Scenario.demo().root().deepCopy();
    ObjectNode rule = ((ArrayNode) root.withArray("dataCollectionRules")).addObject().put("name", "dcr-jit-elevate")
        .put("immutableId", RULE_ID).put("subscriptionId", SUB).put("resourceGroup", "rg-data");
    rule.set("streamDeclarations", streamDeclarations().deepCopy());
    if (brokerMayPublish) {
      ((ArrayNode) root.path("arm").withArray("roleAssignments")).addObject().put("principalId", BROKER)
          .put("role", "Monitoring Metrics Publisher").put("scope", "/subscriptions/" + SUB
              + "/resourceGroups/rg-data/providers/Microsoft.Insights/dataCollectionRules/dcr-jit-elevate");
    }
    return new Scenario(root);
  }
}
