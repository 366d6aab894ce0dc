package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OData system query options of one request: {@code $filter}, {@code $expand} (with nested options,
 * e.g. {@code policy($expand=rules)}), {@code $select} and {@code $top}.
 */
record ODataQuery(ODataFilter filter, Map<String, ODataQuery> expand, List<String> select, Optional<Integer> top) {

  static final ODataQuery NONE = new ODataQuery(ODataFilter.NONE, Map.of(), List.of(), Optional.empty());

  ODataQuery {
    expand = Map.copyOf(expand);
    select = List.copyOf(select);
  }

  /** Reads the options from a request's query string. */
  static ODataQuery of(EmulatorRequest request) {
    return of(
        option(request, "$filter"), option(request, "$expand"), option(request, "$select"), option(request, "$top"));
  }

  private static String option(EmulatorRequest request, String name) {
    return request.queryParam(name).or(() -> request.queryParam(name.substring(1))).orElse(null);
  }

  static ODataQuery of(String filter, String expand, String select, String top) {
    ODataFilter parsedFilter = filter == null || filter.isBlank() ? ODataFilter.NONE : parseFilter(filter);
    Map<String, ODataQuery> expansions = expand == null ? Map.of() : parseExpand(expand);
    List<String> fields = select == null || select.isBlank() ? List.of() : splitTopLevel(select);
    return new ODataQuery(parsedFilter, expansions, fields, parseTop(top));
  }

  /**
   * Parses a {@code $filter} with the emulator's one parser; Graph's PIM lists take equalities only.
   *
   * @throws GraphException 400 {@code BadRequest} saying what the filter may contain
   */
  static ODataFilter parseFilter(String text) {
    ODataFilter parsed;
    try {
      parsed = ODataFilter.parse(text);
    } catch (ODataFilter.InvalidFilterException e) {
      throw GraphException.invalidRequest(e.getMessage());
    }
    if (parsed.terms().stream().anyMatch(ODataFilter.Term::function)) {
      throw GraphException.invalidRequest("Invalid filter clause: these lists take only clauses like"
          + " \"property eq 'value'\" joined by 'and', got: " + text);
    }
    return parsed;
  }

  boolean expands(String navigation) {
    return expansion(navigation).isPresent();
  }

  Optional<ODataQuery> expansion(String navigation) {
    return expand.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(navigation) || e.getKey().equals("*"))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Applies $filter and $select to rendered entities ($top sets the page size: {@link GraphCall#collection}). */
  List<ObjectNode> apply(List<ObjectNode> entities) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode entity : entities) {
      if (filter.matches(entity)) {
        out.add(project(entity));
      }
    }
    return out;
  }

  /** Keeps only the selected properties (plus {@code id} and OData annotations), when $select is given. */
  ObjectNode project(ObjectNode entity) {
    if (select.isEmpty()) {
      return entity;
    }
    ObjectNode out = Json.object();
    entity.fields().forEachRemaining(e -> {
      String key = e.getKey();
      if (key.startsWith("@odata") || key.equals("id") || selects(key) || expand.containsKey(key)) {
        out.set(key, e.getValue());
      }
    });
    return out;
  }

  private boolean selects(String key) {
    return select.stream().anyMatch(s -> s.equalsIgnoreCase(key));
  }

  private static Optional<Integer> parseTop(String top) {
    if (top == null || top.isBlank()) {
      return Optional.empty();
    }
    try {
      int value = Integer.parseInt(top.trim());
      if (value < 0) throw new NumberFormatException();
      return Optional.of(value);
    } catch (NumberFormatException e) {
      throw GraphException.invalidRequest("Invalid value '" + top + "' for $top: expected a non-negative integer.");
    }
  }

  private static Map<String, ODataQuery> parseExpand(String text) {
    Map<String, ODataQuery> out = new LinkedHashMap<>();
    for (String item : splitTopLevel(text)) {
      int paren = item.indexOf('(');
      if (paren < 0) {
        out.put(item, NONE);
        continue;
      }
      if (!item.endsWith(")")) {
        throw GraphException.invalidRequest("Invalid $expand: unbalanced parentheses in '" + text + "'.");
      }
      out.put(item.substring(0, paren).trim(), parseNested(item.substring(paren + 1, item.length() - 1)));
    }
    return out;
  }

  private static ODataQuery parseNested(String options) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String option : splitTopLevel(options, ';')) {
      int eq = option.indexOf('=');
      if (eq < 0) {
        throw GraphException.invalidRequest("Invalid nested query option '" + option + "' in $expand.");
      }
      values.put(option.substring(0, eq).trim().toLowerCase(Locale.ROOT), option.substring(eq + 1));
    }
    return of(values.get("$filter"), values.get("$expand"), values.get("$select"), values.get("$top"));
  }

  private static List<String> splitTopLevel(String text) {
    return splitTopLevel(text, ',');
  }

  private static List<String> splitTopLevel(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '(') depth++;
      if (c == ')') depth--;
      if (c == separator && depth == 0) {
        addTrimmed(parts, current);
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    addTrimmed(parts, current);
    if (depth != 0) {
      throw GraphException.invalidRequest("Invalid query option: unbalanced parentheses in '" + text + "'.");
    }
    return parts;
  }

  private static void addTrimmed(List<String> parts, CharSequence part) {
    String trimmed = part.toString().trim();
    if (!trimmed.isEmpty()) {
      parts.add(trimmed);
    }
  }

}
