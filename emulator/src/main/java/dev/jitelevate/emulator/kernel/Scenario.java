package dev.jitelevate.emulator.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scenario document: the tenant, principals, groups, subscriptions, role definitions, eligibilities,
 * policies and vaults the emulator starts with. Its format is documented in {@code emulator/README.md};
 * each surface reads its own sections.
 */
public record Scenario(JsonNode root) {

  /** The built-in demo scenario. */
  public static Scenario demo() {
    return classpath("/scenarios/demo.json");
  }

  /** An empty tenant. */
  public static Scenario empty() {
    return classpath("/scenarios/empty.json");
  }

  /** Loads a scenario from a classpath resource. */
  public static Scenario classpath(String resource) {
    try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No scenario resource " + resource);
      }
      return new Scenario(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads a scenario file.
   *
   * @throws IllegalArgumentException when the file is missing or not JSON, with a message naming the file
   */
  public static Scenario file(Path path) {
    try {
      return new Scenario(Json.MAPPER.readTree(Files.readAllBytes(path)));
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read scenario " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The same scenario with ARM and Graph lists cut into pages of at most {@code pageSize} items (its
   * {@code paging.pageSize}), so a test forces several pages with little data.
   */
  public Scenario withPageSize(int pageSize) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = root.deepCopy();
    copy.putObject("paging").put("pageSize", new Paging(pageSize).pageSize());
    return new Scenario(copy);
  }

  /** Returns a top-level section, or a missing node. */
  public JsonNode section(String name) {
    JsonNode node = root.get(name);
    return node == null ? MissingNode.getInstance() : node;
  }
}
