package dev.jitelevate.runner.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The demo tenant plus the data collection rule of the repository's own template ({@code audit/infra/jit-elevation.json}),
 * on which the CI workload identity may publish when asked.
 */
public final class ShipScenario {
  public static final String RULE_ID = "dcr-4a1b2c3d4e5f60718293a4b5c6d7e8f9";
  public static final String STREAM = "Custom-JitElevation";
  static final String SUB = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String CI_OBJECT_ID = "c1c1c1c1-0000-4000-8000-000000000001";

  private ShipScenario() {}

  public static Scenario demoWithRule(boolean ciMayPublish) {
    ObjectNode root = Scenario.demo().root().deepCopy();
    ObjectNode rule = ((ArrayNode) root.withArray("dataCollectionRules")).addObject().put("name", "dcr-jit-elevate")
        .put("immutableId", RULE_ID).put("subscriptionId", SUB).put("resourceGroup", "rg-data");
    for (JsonNode resource : template().path("resources")) {
      if (resource.path("type").asText().equals("Microsoft.Insights/dataCollectionRules")) {
        rule.set("streamDeclarations", resource.path("properties").path("streamDeclarations").deepCopy());
      }
    }
    if (ciMayPublish) {
      ((ArrayNode) root.path("arm").withArray("roleAssignments")).addObject().put("principalId", CI_OBJECT_ID)
          .put("role", "Monitoring Metrics Publisher").put("scope", "/subscriptions/" + SUB
              + "/resourceGroups/rg-data/providers/Microsoft.Insights/dataCollectionRules/dcr-jit-elevate");
    }
    return new Scenario(root);
  }

  private static JsonNode template() {
    try {
      return new ObjectMapper().readTree(Path.of("..", "audit", "infra", "jit-elevation.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
