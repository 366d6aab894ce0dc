package dev.jitelevate.pimconfig.yaml;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** A published JSON Schema (draft 2020-12) of a YAML file, and validation against it with each message's line. */
public final class YamlSchema {
  /** Paths as {@code $.rules[0].grant}: what {@link YamlDocument#lineOf} looks up and what users read. */
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.LEGACY).build()));

  private final String text;
  private final Schema schema;
  private final String fix;

  private YamlSchema(String text, String fix) {
    this.text = text;
    this.schema = REGISTRY.getSchema(text);
    this.fix = fix;
  }

  /**
   * The schema in a resource beside a class.
   *
   * @param fix what a violation's message ends with, e.g. "Fix it to match x.schema.json (docs/x.md)."
   * @throws IllegalStateException when the resource is missing (a packaging bug)
   */
  public static YamlSchema fromResource(Class<?> owner, String resource, String fix) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new YamlSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), fix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's text, as published. */
  public String text() {
    return text;
  }

  /**
   * One violation.
   *
   * @param path the instance path, e.g. {@code $.rules[0].grant}
   * @param line the line it starts on
   * @param message the validator's message, starting with the path
   */
  public record Violation(String path, int line, String message) {}

  /** Every violation, first line first. */
  public List<Violation> validate(YamlDocument document) {
    return schema.validate(document.root()).stream()
        .map(m -> violation(m, document))
        .sorted(Comparator.comparingInt(Violation::line))
        .toList();
  }

  /**
   * Requires the document to match.
   *
   * @throws YamlProblem naming the first violation's line, with how many more there are
   */
  public void check(YamlDocument document) {
    List<Violation> violations = validate(document);
    if (!violations.isEmpty()) {
      Violation v = violations.get(0);
      throw new YamlProblem(v.line(), v.message() + (violations.size() > 1 ? " (and " + (violations.size() - 1)
          + " more)" : "") + ".", fix);
    }
  }

  private static Violation violation(Error error, YamlDocument document) {
    String path = error.getInstanceLocation().toString();
    return new Violation(path, document.lineOf(path), path + ": " + error.getMessage());
  }
}
