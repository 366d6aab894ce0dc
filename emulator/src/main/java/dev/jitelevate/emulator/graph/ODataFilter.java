package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code $filter} subset the PIM endpoints are called with: equality clauses joined by {@code and},
 * optionally parenthesised ({@code principalId eq '…' and status eq 'PendingApproval'}).
 */
record ODataFilter(List<Clause> clauses) {

  /** One {@code property eq literal} clause; a null value means {@code eq null}. */
  record Clause(String property, String value) {}

  static final ODataFilter NONE = new ODataFilter(List.of());

  ODataFilter {
    clauses = List.copyOf(clauses);
  }

  /**
   * Parses a filter expression.
   *
   * @throws GraphException 400 when the expression uses anything beyond {@code eq} and {@code and}
   */
  static ODataFilter parse(String text) {
    List<String> tokens = tokenize(text);
    List<Clause> clauses = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      String token = tokens.get(i);
      if (token.equals("(") || token.equals(")")) {
        i++;
        continue;
      }
      if (token.equalsIgnoreCase("and") && !clauses.isEmpty()) {
        i++;
        continue;
      }
      if (i + 2 >= tokens.size() || !tokens.get(i + 1).equalsIgnoreCase("eq") || isLiteralStart(token)) {
        throw invalid(text);
      }
      clauses.add(new Clause(token, literal(tokens.get(i + 2), text)));
      i += 3;
    }
    if (clauses.isEmpty()) {
      throw invalid(text);
    }
    return new ODataFilter(clauses);
  }

  boolean isEmpty() {
    return clauses.isEmpty();
  }

  /** Returns the value a clause requires for a property (case-insensitive name), if there is such a clause. */
  Optional<String> valueOf(String property) {
    return clauses.stream().filter(c -> c.property().equalsIgnoreCase(property)).map(Clause::value).findFirst();
  }

  boolean constrains(String property) {
    return clauses.stream().anyMatch(c -> c.property().equalsIgnoreCase(property));
  }

  /** Whether a rendered entity satisfies every clause (strings compare case-insensitively, as GUIDs and enums do). */
  boolean matches(JsonNode entity) {
    for (Clause clause : clauses) {
      JsonNode field = entity.get(clause.property());
      if (field == null) {
        field = fieldIgnoringCase(entity, clause.property());
      }
      boolean isNull = field == null || field.isNull();
      if (clause.value() == null ? !isNull : isNull || !field.asText().equalsIgnoreCase(clause.value())) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode fieldIgnoringCase(JsonNode entity, String name) {
    for (var it = entity.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equalsIgnoreCase(name)) {
        return entity.get(key);
      }
    }
    return null;
  }

  private static boolean isLiteralStart(String token) {
    return token.startsWith("'");
  }

  private static String literal(String token, String text) {
    if (token.startsWith("'")) {
      return token.substring(1, token.length() - 1).replace("''", "'");
    }
    if (token.equalsIgnoreCase("null")) {
      return null;
    }
    if (token.equals("(") || token.equals(")") || token.equalsIgnoreCase("and") || token.equalsIgnoreCase("or")) {
      throw invalid(text);
    }
    return token;
  }

  private static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        int end = closingQuote(text, i + 1);
        tokens.add(text.substring(i, end + 1));
        i = end + 1;
      } else {
        int start = i;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()'".indexOf(text.charAt(i)) < 0) {
          i++;
        }
        String word = text.substring(start, i);
        if (word.equalsIgnoreCase("or") || word.equalsIgnoreCase("not")) {
          throw GraphException.invalidRequest("Invalid filter clause: the emulator supports only 'eq' comparisons "
              + "joined by 'and', but the filter uses '" + word.toLowerCase(Locale.ROOT) + "': " + text);
        }
        tokens.add(word);
      }
    }
    return tokens;
  }

  private static int closingQuote(String text, int from) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == '\'') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    throw GraphException.invalidRequest("Invalid filter clause: unterminated string literal in: " + text);
  }

  private static GraphException invalid(String text) {
    return GraphException.invalidRequest("Invalid filter clause: expected clauses like \"property eq 'value'\" "
        + "joined by 'and', got: " + text);
  }
}
