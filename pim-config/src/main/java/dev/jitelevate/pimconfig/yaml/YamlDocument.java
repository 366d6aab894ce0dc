package dev.jitelevate.pimconfig.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a JSON tree plus the line each value starts on, keyed by the schema validator's path spelling
 * ({@code $.rules[0].when.ref}); a mapping's field is on its key's line. So every error of a file read from YAML
 * (the broker policy, the PIM configuration) can name its line.
 */
public final class YamlDocument {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlDocument(JsonNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = Map.copyOf(lines);
  }

  /**
   * Parses YAML text; an empty document is an empty mapping.
   *
   * @throws YamlProblem with the line of a syntax error
   */
  public static YamlDocument parse(String text) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      JsonNode root = first == null ? NODES.objectNode() : value(parser, "$", lines);
      return new YamlDocument(root, lines);
    } catch (IOException e) {
      int line = e instanceof JsonProcessingException p && p.getLocation() != null ? p.getLocation().getLineNr() : 0;
      throw new YamlProblem(line, "The file is not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst()
          .orElse("") + ".", "Fix the YAML syntax.");
    }
  }

  /** The document as a JSON tree. */
  public JsonNode root() {
    return root;
  }

  /** The line of a path ({@code $.a.b[0]}), or of its nearest parent that has one; 1 when none has. */
  public int lineOf(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut <= 0 ? "" : p.substring(0, cut);
    }
    return 1;
  }

  private static JsonNode value(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
    lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          lines.put(path + "." + name, parser.currentTokenLocation().getLineNr());
          parser.nextToken();
          object.set(name, value(parser, path + "." + name, lines));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        int i = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser, path + "[" + i++ + "]", lines));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(parser.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      default -> {
        return NODES.nullNode();
      }
    }
  }
}
