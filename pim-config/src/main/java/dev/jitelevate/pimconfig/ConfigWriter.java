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
    if (!config.azureAssignments().isEmpty() || !config.azurePolicies().isEmpty()) {
      ObjectNode azure = root.putObject("azureRoles");
      ArrayNode assignments = azure.putArray("assignments");
      for (AzureRoleAssignment a : config.azureAssignments()) {
        ObjectNode node = assignments.addObject();
        node.put("principal", a.principal()).put("role", a.role()).put("scope", a.scope());
        timing(node, a);
      }
      ArrayNode policies = azure.putArray("policies");
      for (AzureRolePolicy p : config.azurePolicies()) {
        settings(policies.addObject().put("role", p.role()).put("scope", p.scope()), p);
      }
    }
    if (!config.directoryAssignments().isEmpty() || !config.directoryPolicies().isEmpty()) {
      ObjectNode directory = root.putObject("directoryRoles");
      ArrayNode assignments = directory.putArray("assignments");
      for (DirectoryRoleAssignment a : config.directoryAssignments()) {
        ObjectNode node = assignments.addObject().put("principal", a.principal()).put("role", a.role());
        a.administrativeUnit().ifPresent(unit -> node.put("administrativeUnit", unit));
        timing(node, a);
      }
      ArrayNode policies = directory.putArray("policies");
      config.directoryPolicies().forEach(p -> settings(policies.addObject().put("role", p.role()), p));
    }
    if (!config.groupAssignments().isEmpty() || !config.groupPolicies().isEmpty()) {
      ObjectNode groups = root.putObject("groups");
      ArrayNode assignments = groups.putArray("assignments");
      for (GroupAssignment a : config.groupAssignments()) {
        timing(assignments.addObject().put("principal", a.principal()).put("group", a.group())
            .put("access", a.access().fileName()), a);
      }
      ArrayNode policies = groups.putArray("policies");
      config.groupPolicies().forEach(p -> settings(policies.addObject().put("group", p.group())
          .put("access", p.access().fileName()), p));
    }
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void timing(ObjectNode node, AssignmentDeclaration a) {
    node.put("type", a.kind().fileName());
    a.end().ifPresent(end -> node.put("end", end.toString()));
    a.duration().ifPresent(d -> node.put("duration", IsoDurations.format(d)));
  }

  private static void settings(ObjectNode node, PolicyDeclaration policy) {
    policy.settings().forEach((setting, value) -> put(node, setting, value));
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
