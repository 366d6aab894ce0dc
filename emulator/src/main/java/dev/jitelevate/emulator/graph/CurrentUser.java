package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.Caller;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the {@code filterByCurrentUser(on='…')} function segment and checks it is usable by the caller. */
final class CurrentUser {
  private static final Pattern FUNCTION = Pattern.compile("(?i)filterByCurrentUser\\(on='?([A-Za-z]+)'?\\)");

  private CurrentUser() {}

  static boolean isFunction(String segment) {
    return segment.regionMatches(true, 0, "filterByCurrentUser", 0, "filterByCurrentUser".length());
  }

  /**
   * Returns the {@code on} value of the function segment, validated against the values the entity set supports.
   *
   * @throws GraphException 400 for a malformed segment or unsupported value, 403 for application tokens (the
   *     function is documented as not supported for application permissions)
   */
  static String on(String segment, Set<String> supported, Caller caller) {
    Matcher m = FUNCTION.matcher(segment);
    if (!m.matches()) {
      throw GraphException.invalidRequest("Invalid function call '" + segment + "'; use filterByCurrentUser(on='principal').");
    }
    String on = Optional.of(m.group(1)).map(String::trim).orElse("");
    String match = supported.stream().filter(s -> s.equalsIgnoreCase(on)).findFirst()
        .orElseThrow(() -> GraphException.invalidRequest("The value '" + on + "' is not supported for parameter 'on'"
            + " here; supported: " + String.join(", ", supported) + "."));
    if (caller.isApp()) {
      throw GraphException.denied("filterByCurrentUser is not supported with application permissions; an app should"
          + " list with $filter=principalId eq '{its object id}' instead.");
    }
    return match;
  }
}
