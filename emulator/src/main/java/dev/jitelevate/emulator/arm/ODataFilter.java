package dev.jitelevate.emulator.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small {@code $filter} grammar ARM's authorization lists accept: functions such as {@code atScope()},
 * {@code asTarget()}, {@code assignedTo('id')} and comparisons {@code property eq 'value'}, joined by {@code and}.
 */
final class ODataFilter {
  private static final Pattern FUNCTION = Pattern.compile("(?i)^(\\w+)\\(\\s*'?([^')]*)'?\\s*\\)$");
  /** {@code name eq 'literal'} (a quote inside the literal doubled, as OData escapes it) or an unquoted value. */
  private static final Pattern COMPARISON = Pattern.compile("(?i)^(\\w+)\\s+eq\\s+(?:'((?:[^']|'')*)'|([^'\\s]*))$");

  private static final Pattern AND = Pattern.compile("(?i)\\s+and\\s+");

  /**
   * One term.
   *
   * @param name lower-case function name with {@code ()} (e.g. {@code atscope()}) or property name
   * @param value the argument or compared value, empty for argument-less functions
   */
  record Term(String name, String value) {}

  private final String text;
  private final List<Term> terms;

  private ODataFilter(String text, List<Term> terms) {
    this.text = text;
    this.terms = List.copyOf(terms);
  }

  static final ODataFilter NONE = new ODataFilter("", List.of());

  /**
   * Parses a filter and checks every term is one the endpoint supports.
   *
   * @param supported lower-case names: functions with {@code ()}, properties without
   * @throws ArmException 400 {@code InvalidFilter} naming what is supported
   */
  static ODataFilter parse(Optional<String> raw, Set<String> supported) {
    if (raw.isEmpty() || raw.get().isBlank()) {
      return NONE;
    }
    List<Term> terms = new ArrayList<>();
    for (String part : outsideLiterals(raw.get().trim())) {
      Term term = term(part.trim(), raw.get(), supported);
      if (!supported.contains(term.name())) {
        throw invalid(raw.get(), supported);
      }
      terms.add(term);
    }
    return new ODataFilter(raw.get(), terms);
  }

  private static Term term(String part, String raw, Set<String> supported) {
    Matcher f = FUNCTION.matcher(part);
    if (f.matches()) {
      return new Term(f.group(1).toLowerCase(Locale.ROOT) + "()", f.group(2).trim());
    }
    Matcher c = COMPARISON.matcher(part);
    if (c.matches()) {
      String value = c.group(2) != null ? c.group(2).replace("''", "'") : c.group(3);
      return new Term(c.group(1).toLowerCase(Locale.ROOT), value.trim());
    }
    throw invalid(raw, supported);
  }

  /** Splits at {@code and} between terms, never inside a quoted literal. */
  private static List<String> outsideLiterals(String filter) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < filter.length(); i++) {
      if (filter.charAt(i) == '\'') {
        quoted = !quoted;
      } else if (!quoted) {
        Matcher and = AND.matcher(filter).region(i, filter.length());
        if (and.lookingAt()) {
          parts.add(filter.substring(start, i));
          start = and.end();
          i = start - 1;
        }
      }
    }
    parts.add(filter.substring(start));
    return parts;
  }

  private static ArmException invalid(String raw, Set<String> supported) {
    return ArmErrors.badRequest("InvalidFilter", "The filter '" + raw + "' is not supported. Supported filters: "
        + String.join(", ", supported.stream().sorted().map(s -> s.endsWith("()") ? s : s + " eq '{value}'").toList()) + ".");
  }

  boolean has(String name) {
    return terms.stream().anyMatch(t -> t.name().equals(name));
  }

  Optional<String> value(String name) {
    return terms.stream().filter(t -> t.name().equals(name)).map(Term::value).findFirst();
  }

  boolean isEmpty() {
    return terms.isEmpty();
  }

  @Override
  public String toString() {
    return text;
  }
}
