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
  private static final Pattern COMPARISON = Pattern.compile("(?i)^(\\w+)\\s+eq\\s+'?([^']*)'?$");

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
    for (String part : raw.get().trim().split("(?i)\\s+and\\s+")) {
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
      return new Term(c.group(1).toLowerCase(Locale.ROOT), c.group(2).trim());
    }
    throw invalid(raw, supported);
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
