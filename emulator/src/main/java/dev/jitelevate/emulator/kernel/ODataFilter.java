package dev.jitelevate.emulator.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one {@code $filter} parser of the emulator, for ARM and Graph alike: terms joined by {@code and}, each a
 * function call ({@code atScope()}, {@code assignedTo('id')}) or an equality ({@code principalId eq 'id'},
 * {@code approvalId eq null}); parentheses group; a quote inside a literal is doubled, as OData escapes it.
 * Each surface then says which terms it supports and answers the rest with its own error.
 */
public final class ODataFilter {
  /** The filter of a request without one. */
  public static final ODataFilter NONE = new ODataFilter("", List.of());

  /**
   * One term.
   *
   * @param name the function or property name as written
   * @param function whether it is a function call (then {@code args} holds its arguments)
   * @param args the function's arguments, unquoted
   * @param value the compared value of an equality, unquoted; null for {@code eq null} and for functions
   */
  public record Term(String name, boolean function, List<String> args, String value) {
    public Term {
      args = List.copyOf(args);
    }

    boolean named(String wanted) {
      boolean call = wanted.endsWith("()");
      String bare = call ? wanted.substring(0, wanted.length() - 2) : wanted;
      return call == function && name.equalsIgnoreCase(bare);
    }
  }

  /** A filter outside the grammar; the message says what was wrong, for the surface's own error. */
  public static final class InvalidFilterException extends IllegalArgumentException {
    InvalidFilterException(String message) {
      super(message);
    }
  }

  private final String text;
  private final List<Term> terms;

  private ODataFilter(String text, List<Term> terms) {
    this.text = text;
    this.terms = List.copyOf(terms);
  }

  /**
   * Parses a filter; a null or blank one is {@link #NONE}.
   *
   * @throws InvalidFilterException when it uses {@code or}, {@code not}, another operator or bad syntax
   */
  public static ODataFilter parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    return new ODataFilter(text, new FilterParser(text, FilterTokens.of(text)).terms());
  }

  /** Returns every term, in order. */
  public List<Term> terms() {
    return terms;
  }

  /** Whether there are no terms. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** Whether a term names {@code name}: a function when it ends with {@code ()}, else a property (any case). */
  public boolean has(String name) {
    return terms.stream().anyMatch(t -> t.named(name));
  }

  /** Returns a function's first argument (empty text when it has none) or the value a property must equal. */
  public Optional<String> value(String name) {
    return terms.stream().filter(t -> t.named(name)).findFirst()
        .flatMap(t -> t.function() ? Optional.of(t.args().isEmpty() ? "" : t.args().get(0)) : Optional.ofNullable(t.value()));
  }

  /** Whether a JSON entity satisfies every equality (strings compare ignoring case, as GUIDs and enums do). */
  public boolean matches(JsonNode entity) {
    for (Term term : terms) {
      if (term.function()) {
        continue;
      }
      JsonNode field = field(entity, term.name());
      boolean isNull = field == null || field.isNull();
      if (term.value() == null ? !isNull : isNull || !field.asText().equalsIgnoreCase(term.value())) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode field(JsonNode entity, String name) {
    JsonNode exact = entity.get(name);
    if (exact != null) {
      return exact;
    }
    for (var it = entity.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equalsIgnoreCase(name)) {
        return entity.get(key);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return text;
  }
}
