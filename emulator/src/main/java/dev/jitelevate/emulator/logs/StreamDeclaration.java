package dev.jitelevate.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * One stream of a data collection rule: its name ({@code Custom-…}) and declared columns in order.
 *
 * @param name the stream name, e.g. {@code Custom-JitElevation}
 * @param columns column name to type, in declaration order
 */
record StreamDeclaration(String name, Map<String, ColumnType> columns) {
  StreamDeclaration {
    columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
  }

  /**
   * Checks one row against the declaration.
   *
   * @return why the row does not fit, or empty when it does
   */
  Optional<String> problemWith(JsonNode row, int index) {
    if (!row.isObject()) {
      return Optional.of("Item " + index + " of the request body is not a JSON object.");
    }
    for (var it = row.fields(); it.hasNext(); ) {
      var field = it.next();
      ColumnType type = columns.get(field.getKey());
      if (type == null) {
        return Optional.of("Item " + index + " has the column '" + field.getKey() + "' that the stream " + name
            + " does not declare.");
      }
      if (!type.accepts(field.getValue())) {
        return Optional.of("Item " + index + " has a value of column '" + field.getKey() + "' that is not of "
            + "the declared type " + type.wireName() + ".");
      }
    }
    return Optional.empty();
  }
}
