package dev.jitelevate.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Scenario;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the data collection rules of a scenario's {@code dataCollectionRules} section. Each rule's
 * {@code streamDeclarations} has the shape of the DCR resource's {@code properties.streamDeclarations}, so a
 * scenario can copy it from the ARM template that deploys the rule.
 */
final class RuleLoader {
  private static final Pattern IMMUTABLE_ID = Pattern.compile("^dcr-[0-9a-f]{32}$");

  private RuleLoader() {}

  static Map<String, DataCollectionRule> load(Scenario scenario) {
    Map<String, DataCollectionRule> rules = new HashMap<>();
    for (JsonNode node : scenario.section("dataCollectionRules")) {
      String immutableId = require(node, "immutableId");
      if (!IMMUTABLE_ID.matcher(immutableId).matches()) {
        throw new IllegalArgumentException("dataCollectionRules: immutableId '" + immutableId
            + "' is not dcr- followed by 32 lower-case hex digits");
      }
      String resourceId = "/subscriptions/" + require(node, "subscriptionId") + "/resourceGroups/"
          + require(node, "resourceGroup") + "/providers/Microsoft.Insights/dataCollectionRules/" + require(node, "name");
      rules.put(immutableId, new DataCollectionRule(immutableId, resourceId, streams(node.path("streamDeclarations"))));
    }
    return Map.copyOf(rules);
  }

  private static Map<String, StreamDeclaration> streams(JsonNode declarations) {
    Map<String, StreamDeclaration> streams = new LinkedHashMap<>();
    declarations.fields().forEachRemaining(e -> {
      Map<String, ColumnType> columns = new LinkedHashMap<>();
      for (JsonNode column : e.getValue().path("columns")) {
        columns.put(require(column, "name"), ColumnType.parse(require(column, "type")));
      }
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("dataCollectionRules: stream " + e.getKey() + " declares no columns");
      }
      streams.put(e.getKey(), new StreamDeclaration(e.getKey(), columns));
    });
    return streams;
  }

  private static String require(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("dataCollectionRules: '" + field + "' is missing in " + node);
    }
    return value.asText();
  }
}
