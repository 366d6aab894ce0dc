package dev.jitelevate.runner.broker;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** The published JSON Schema of the broker policy file, and validation against it with each message's path. */
final class PolicySchema {
  static final String RESOURCE = "broker-policy.schema.json";
  private static final String TEXT = load();
  private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(TEXT);

  private PolicySchema() {}

  /** The schema's text (published as {@code broker-policy.schema.json}). */
  static String text() {
    return TEXT;
  }

  /** One violation: the instance path ({@code $.rules[0].grant}) and the validator's message. */
  record Violation(String path, String message) {}

  static List<Violation> validate(PolicyYaml tree) {
    return SCHEMA.validate(tree.root()).stream()
        .sorted(Comparator.comparing((ValidationMessage m) -> tree.lineOf(m.getInstanceLocation().toString())))
        .map(m -> new Violation(m.getInstanceLocation().toString(), m.getMessage()))
        .toList();
  }

  private static String load() {
    try (InputStream in = PolicySchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
