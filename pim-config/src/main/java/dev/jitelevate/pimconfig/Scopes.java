package dev.jitelevate.pimconfig;

import java.util.Locale;

/** ARM scope spelling: no trailing slash, case-insensitive comparison keys. */
final class Scopes {
  private Scopes() {}

  static String normalize(String scope) {
    String s = scope.trim();
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  static String key(String scope) {
    return normalize(scope).toLowerCase(Locale.ROOT);
  }

  /** True for a subscription or anything above it (management groups, the root). */
  static boolean subscriptionOrBroader(String scope) {
    String[] parts = normalize(scope).split("/");
    boolean subscription = parts.length == 3 && parts[1].equalsIgnoreCase("subscriptions");
    return subscription || scope.toLowerCase(Locale.ROOT).startsWith("/providers/microsoft.management/") || scope.equals("/");
  }
}
