package dev.jitelevate.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The column types a data collection rule's stream declaration may use, and which JSON values each accepts.
 * https://learn.microsoft.com/azure/azure-monitor/essentials/data-collection-rule-structure#streamdeclarations
 */
enum ColumnType {
  STRING, INT, LONG, REAL, BOOLEAN, DATETIME, DYNAMIC;

  /**
   * Parses the declaration's {@code type}.
   *
   * @throws IllegalArgumentException naming the accepted types
   */
  static ColumnType parse(String type) {
    try {
      return valueOf(type.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + type + "' is not a stream column type (string, int, long, real, "
          + "boolean, datetime, dynamic)");
    }
  }

  /** Whether a row's value fits this column; JSON null fits every column. */
  boolean accepts(JsonNode value) {
    if (value.isNull()) {
      return true;
    }
    return switch (this) {
      case STRING -> value.isTextual();
      case INT -> value.isIntegralNumber() && value.canConvertToInt();
      case LONG -> value.isIntegralNumber() && value.canConvertToLong();
      case REAL -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case DATETIME -> value.isTextual() && isInstant(value.asText());
      case DYNAMIC -> true;
    };
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static boolean isInstant(String text) {
    try {
      Instant.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
