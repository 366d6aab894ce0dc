package dev.jitelevate.emulator.arm;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Azure RBAC action matching: case-insensitive, {@code *} matches any run of characters. */
final class ActionPattern {
  private ActionPattern() {}

  static boolean matches(String pattern, String action) {
    String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
    return action.toLowerCase(Locale.ROOT).matches(regex);
  }

  static boolean anyMatches(Collection<String> patterns, String action) {
    return patterns.stream().anyMatch(p -> matches(p, action));
  }
}
