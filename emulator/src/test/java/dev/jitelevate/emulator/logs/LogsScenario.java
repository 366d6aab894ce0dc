package dev.jitelevate.emulator.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;

/** The demo tenant plus a data collection rule with one stream, optionally publishable by the broker. */
final class LogsScenario {
  static final String SUB = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String RULE_ID = "dcr-0123456789abcdef0123456789abcdef";
  static final String STREAM = "Custom-Things";
  static final String RULE_SCOPE = "/subscriptions/" + SUB
      + "/resourceGroups/rg-data/providers/Microsoft.Insights/dataCollectionRules/dcr-things";

  private LogsScenario() {}

  static Scenario demoWithRule(boolean brokerMayPublish) {
    ObjectNode root = Scenario.demo().root().deepCopy();
    ObjectNode rule = ((ArrayNode) root.withArray("dataCollectionRules")).addObject()
        .put("name", "dcr-things").put("immutableId", RULE_ID).put("subscriptionId", SUB).put("resourceGroup", "rg-data");
    ArrayNode columns = rule.putObject("streamDeclarations").putObject(STREAM).putArray("columns");
    columns.addObject().put("name", "TimeGenerated").put("type", "datetime");
    columns.addObject().put("name", "Name").put("type", "string");
    columns.addObject().put("name", "Count").put("type", "int");
    columns.addObject().put("name", "Extra").put("type", "dynamic");
    if (brokerMayPublish) {
      ((ArrayNode) root.path("arm").withArray("roleAssignments")).addObject()
          .put("principalId", "b0b0b0b0-0000-4000-8000-000000000001").put("role", "Monitoring Metrics Publisher")
          .put("scope", RULE_SCOPE);
    }
    return new Scenario(root);
  }

  static ObjectNode row(String name, int count) {
    return Json.object().put("TimeGenerated", "2026-01-02T03:04:05Z").put("Name", name).put("Count", count);
  }
}
