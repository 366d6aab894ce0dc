package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code $filter} terms each ARM list accepts, over the emulator's one parser ({@link ODataFilter}):
 * functions such as {@code atScope()}, {@code asTarget()}, {@code assignedTo('id')} and {@code property eq 'value'}.
 */
final class ArmFilters {
  private ArmFilters() {}

  /**
   * Parses a filter and checks every term is one the endpoint supports.
   *
   * @param supported lower-case names: functions with {@code ()}, properties without
   * @throws ArmException 400 {@code InvalidFilter} naming what is supported
   */
  static ODataFilter parse(Optional<String> raw, Set<String> supported) {
    String text = raw.orElse("");
    ODataFilter filter;
    try {
      filter = ODataFilter.parse(text);
    } catch (ODataFilter.InvalidFilterException e) {
      throw invalid(text, supported);
    }
    for (ODataFilter.Term term : filter.terms()) {
      if (!supported.contains(term.name().toLowerCase(Locale.ROOT) + (term.function() ? "()" : ""))) {
        throw invalid(text, supported);
      }
    }
    return filter;
  }

  private static ArmException invalid(String raw, Set<String> supported) {
    return ArmErrors.badRequest("InvalidFilter", "The filter '" + raw + "' is not supported. Supported filters: "
        + String.join(", ", supported.stream().sorted().map(s -> s.endsWith("()") ? s : s + " eq '{value}'").toList()) + ".");
  }
}
