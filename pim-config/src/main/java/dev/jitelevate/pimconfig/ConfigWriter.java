package dev.jitelevate.pimconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/** Writes a configuration back as YAML, in the order and spelling {@link ConfigReader} reads. */
final class ConfigWriter {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  private ConfigWriter() {}

  static String write(PimConfig config) {
    ObjectNode root = YAML.createObjectNode();
    root.put("version", 1);
    if (!config.breakGlass().isEmpty()) {
      ArrayNode breakGlass = root.putArray("breakGlass");
      config.breakGlass().forEach(breakGlass::add);
    }
    ObjectNode azure = root.putObject("azureRoles");
    ArrayNode assignments = azure.putArray("assignments");
    for (AzureRoleAssignment a : config.azureAssignments()) {
      ObjectNode node = assignments.addObject();
      node.put("principal", a.principal()).put("role", a.role()).put("scope", a.scope()).put("type", a.kind().fileName());
      a.end().ifPresent(end -> node.put("end", end.toString()));
      a.duration().ifPresent(d -> node.put("duration", IsoDurations.format(d)));
    }
    ArrayNode policies = azure.putArray("policies");
    for (AzureRolePolicy p : config.azurePolicies()) {
      ObjectNode node = policies.addObject();
      node.put("role", p.role()).put("scope", p.scope());
      p.settings().forEach((setting, value) -> put(node, setting, value));
    }
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void put(ObjectNode node, PolicySetting setting, String value) {
    String[] parts = setting.path().split("\\.");
    ObjectNode parent = node;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
    }
    String name = parts[parts.length - 1];
    switch (setting.type()) {
      case FLAG -> parent.put(name, Boolean.parseBoolean(value));
      case CONTEXT -> {
        if (value.equals("off")) {
          parent.putNull(name);
        } else {
          parent.put(name, value);
        }
      }
      case PRINCIPALS, EMAILS -> {
        ArrayNode array = parent.putArray(name);
        if (!value.isEmpty()) {
          for (String v : value.split(",")) {
            array.add(v);
          }
        }
      }
      default -> parent.put(name, value);
    }
  }
}
