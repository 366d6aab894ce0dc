package dev.jitelevate.pimconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Reads the file: YAML with lines, the schema, then the model with canonical values. */
final class ConfigReader {
  private static final String SCHEMA_FIX = "Fix it to match pim-config.schema.json (docs/pim-as-code.md).";

  private final YamlTree tree;
  private final String file;

  private ConfigReader(YamlTree tree, String file) {
    this.tree = tree;
    this.file = file;
  }

  static PimConfig read(Path path) {
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    } catch (NoSuchFileException e) {
      throw new PimConfigException(new Location(path.toString(), 0), "The file does not exist.",
          "Give the path of a PIM configuration file, or write one with `jit-elevate pim import`.");
    } catch (IOException e) {
      throw new PimConfigException(new Location(path.toString(), 0), "The file cannot be read (" + e.getMessage() + ").",
          "Check its permissions.");
    }
  }

  static PimConfig parse(String yaml, String file) {
    YamlTree tree;
    try {
      tree = YamlTree.parse(yaml);
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
          ? p.getLocation().getLineNr() : 0;
      throw new PimConfigException(new Location(file, line), "The file is not valid YAML: "
          + e.getMessage().lines().findFirst().orElse("") + ".", "Fix the YAML syntax.");
    }
    List<ConfigSchema.Violation> violations = ConfigSchema.validate(tree);
    if (!violations.isEmpty()) {
      ConfigSchema.Violation v = violations.get(0);
      throw new PimConfigException(new Location(file, tree.lineOf(v.path())), v.message()
          + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "") + ".", SCHEMA_FIX);
    }
    return new ConfigReader(tree, file).model();
  }

  private PimConfig model() {
    JsonNode root = tree.root();
    List<String> breakGlass = new ArrayList<>();
    root.path("breakGlass").forEach(n -> breakGlass.add(n.asText()));
    List<AzureRoleAssignment> assignments = new ArrayList<>();
    JsonNode declared = root.path("azureRoles").path("assignments");
    for (int i = 0; i < declared.size(); i++) {
      assignments.add(assignment(declared.get(i), "$.azureRoles.assignments[" + i + "]"));
    }
    List<AzureRolePolicy> policies = new ArrayList<>();
    JsonNode declaredPolicies = root.path("azureRoles").path("policies");
    for (int i = 0; i < declaredPolicies.size(); i++) {
      policies.add(policy(declaredPolicies.get(i), "$.azureRoles.policies[" + i + "]"));
    }
    return new PimConfig(file, breakGlass, assignments, policies);
  }

  private AzureRoleAssignment assignment(JsonNode node, String path) {
    Optional<Instant> end = node.hasNonNull("end") ? Optional.of(instant(node.get("end").asText(), path + ".end"))
        : Optional.empty();
    Optional<java.time.Duration> duration = node.hasNonNull("duration")
        ? Optional.of(IsoDurations.parse(node.get("duration").asText())) : Optional.empty();
    return new AzureRoleAssignment(node.get("principal").asText(), node.get("role").asText(),
        node.get("scope").asText(), AssignmentKind.fromFile(node.get("type").asText()), end, duration, at(path));
  }

  private AzureRolePolicy policy(JsonNode node, String path) {
    Map<PolicySetting, String> settings = new LinkedHashMap<>();
    for (PolicySetting setting : PolicySetting.all()) {
      JsonNode value = node.at("/" + setting.path().replace('.', '/'));
      if (!value.isMissingNode()) {
        settings.put(setting, canonical(setting, value));
      }
    }
    return new AzureRolePolicy(node.get("role").asText(), node.get("scope").asText(), settings, at(path));
  }

  static String canonical(PolicySetting setting, JsonNode value) {
    return switch (setting.type()) {
      case DURATION -> IsoDurations.canonical(value.asText());
      case FLAG -> Boolean.toString(value.asBoolean());
      case CONTEXT -> value.isNull() || value.asText().isBlank() ? "off" : value.asText();
      case LEVEL -> value.asText();
      case PRINCIPALS, EMAILS -> {
        TreeSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        value.forEach(v -> sorted.add(v.asText()));
        yield String.join(",", sorted);
      }
    };
  }

  private Instant instant(String text, String path) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new PimConfigException(at(path), "'" + text + "' is not a date-time.",
          "Write it as ISO-8601 with an offset, e.g. 2027-01-31T00:00:00Z.");
    }
  }

  private Location at(String path) {
    return new Location(file, tree.lineOf(path));
  }
}
