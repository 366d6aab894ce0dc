package dev.jitelevate.pimconfig;

import dev.jitelevate.pimconfig.yaml.YamlDocument;
import dev.jitelevate.pimconfig.yaml.YamlProblem;
import dev.jitelevate.pimconfig.yaml.YamlSchema;
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
  static final YamlSchema SCHEMA = YamlSchema.fromResource(ConfigReader.class, "pim-config.schema.json",
      "Fix it to match pim-config.schema.json (docs/pim-as-code.md).");

  private final YamlDocument tree;
  private final String file;

  private ConfigReader(YamlDocument tree, String file) {
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
    YamlDocument tree;
    try {
      tree = YamlDocument.parse(yaml);
      SCHEMA.check(tree);
    } catch (YamlProblem e) {
      throw new PimConfigException(new Location(file, e.line()), e.problem(), e.fix());
    }
    return new ConfigReader(tree, file).model();
  }

  private PimConfig model() {
    JsonNode root = tree.root();
    List<String> breakGlass = new ArrayList<>();
    root.path("breakGlass").forEach(n -> breakGlass.add(n.asText()));
    return new PimConfig(file, breakGlass,
        each(root, "azureRoles", "assignments", this::azureAssignment),
        each(root, "azureRoles", "policies", (n, path) -> new AzureRolePolicy(n.get("role").asText(),
            n.get("scope").asText(), settings(n), at(path))),
        each(root, "directoryRoles", "assignments", this::directoryAssignment),
        each(root, "directoryRoles", "policies", (n, path) -> new DirectoryRolePolicy(n.get("role").asText(),
            settings(n), at(path))),
        each(root, "groups", "assignments", this::groupAssignment),
        each(root, "groups", "policies", (n, path) -> new GroupPolicy(n.get("group").asText(),
            GroupAccess.fromFile(n.get("access").asText()), settings(n), at(path))));
  }

  private <T> List<T> each(JsonNode root, String surface, String list, Entry<T> entry) {
    List<T> out = new ArrayList<>();
    JsonNode nodes = root.path(surface).path(list);
    for (int i = 0; i < nodes.size(); i++) {
      String path = "$." + surface + "." + list + "[" + i + "]";
      out.add(entry.read(nodes.get(i), path));
    }
    return out;
  }

  /** Reads one list entry; {@code path} is its schema path (for lines). */
  private interface Entry<T> {
    T read(JsonNode node, String path);
  }

  private AzureRoleAssignment azureAssignment(JsonNode node, String path) {
    return new AzureRoleAssignment(node.get("principal").asText(), node.get("role").asText(),
        node.get("scope").asText(), kind(node), end(node, path), duration(node), at(path));
  }

  private DirectoryRoleAssignment directoryAssignment(JsonNode node, String path) {
    Optional<String> unit = node.hasNonNull("administrativeUnit") ? Optional.of(node.get("administrativeUnit").asText())
        : Optional.empty();
    return new DirectoryRoleAssignment(node.get("principal").asText(), node.get("role").asText(), unit, kind(node),
        end(node, path), duration(node), at(path));
  }

  private GroupAssignment groupAssignment(JsonNode node, String path) {
    return new GroupAssignment(node.get("principal").asText(), node.get("group").asText(),
        GroupAccess.fromFile(node.get("access").asText()), kind(node), end(node, path), duration(node), at(path));
  }

  private static AssignmentKind kind(JsonNode node) {
    return AssignmentKind.fromFile(node.get("type").asText());
  }

  private Optional<Instant> end(JsonNode node, String path) {
    return node.hasNonNull("end") ? Optional.of(instant(node.get("end").asText(), path + ".end")) : Optional.empty();
  }

  private static Optional<java.time.Duration> duration(JsonNode node) {
    return node.hasNonNull("duration") ? Optional.of(IsoDurations.parse(node.get("duration").asText()))
        : Optional.empty();
  }

  private Map<PolicySetting, String> settings(JsonNode node) {
    Map<PolicySetting, String> settings = new LinkedHashMap<>();
    for (PolicySetting setting : PolicySetting.all()) {
      JsonNode value = node.at("/" + setting.path().replace('.', '/'));
      if (!value.isMissingNode()) {
        settings.put(setting, canonical(setting, value));
      }
    }
    return settings;
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
