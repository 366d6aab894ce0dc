package dev.jitelevate.emulator.keyvault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads set and update bodies; bad input becomes a {@link BadBodyException} with the service's wording. */
final class SecretBodies {
  static final int MAX_TAGS = 15;

  private SecretBodies() {}

  /** Thrown for a body the service would refuse with 400 BadParameter. */
  static final class BadBodyException extends RuntimeException {
    BadBodyException(String message) {
      super(message);
    }
  }

  /** The value of a set body. */
  static String value(JsonNode body) {
    JsonNode value = body.get("value");
    if (value == null || value.isNull()) {
      throw new BadBodyException("The request is missing the required property 'value'.");
    }
    if (!value.isTextual()) {
      throw new BadBodyException("The property 'value' must be a string.");
    }
    return value.asText();
  }

  /** The optional fields of a set or update body. */
  static SecretPatch patch(JsonNode body) {
    if (!body.isObject()) {
      throw new BadBodyException("The request body must be a JSON object.");
    }
    JsonNode attributes = body.path("attributes");
    if (!attributes.isMissingNode() && !attributes.isNull() && !attributes.isObject()) {
      throw new BadBodyException("The property 'attributes' must be an object.");
    }
    return new SecretPatch(text(body, "contentType"), tags(body.get("tags")), bool(attributes, "enabled"),
        epoch(attributes, "nbf"), epoch(attributes, "exp"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadBodyException("The property '" + field + "' must be a string.");
    }
    return value.asText();
  }

  private static Boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new BadBodyException("The property 'attributes." + field + "' must be true or false.");
    }
    return value.asBoolean();
  }

  private static Long epoch(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      throw new BadBodyException("The property 'attributes." + field + "' must be a Unix time in seconds.");
    }
    return value.asLong();
  }

  private static Map<String, String> tags(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new BadBodyException("The property 'tags' must be an object of strings.");
    }
    if (node.size() > MAX_TAGS) {
      throw new BadBodyException("A secret can have at most " + MAX_TAGS + " tags; the request has " + node.size() + ".");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> tag = it.next();
      if (!tag.getValue().isTextual()) {
        throw new BadBodyException("The tag '" + tag.getKey() + "' must have a string value.");
      }
      tags.put(tag.getKey(), tag.getValue().asText());
    }
    return tags;
  }
}
