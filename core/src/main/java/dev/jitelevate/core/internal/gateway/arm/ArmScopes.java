package dev.jitelevate.core.internal.gateway.arm;

import java.util.Locale;

/** Scope arithmetic on ARM ids: the SDK's scope argument, coverage, and ids' last segments. */
final class ArmScopes {
  private static final String MANAGEMENT_GROUPS = "/providers/microsoft.management/managementgroups/";

  private ArmScopes() {}

  /** The scope as the SDK's {@code scope} path parameter wants it: without its leading slash ({@code ""} for the root). */
  static String arg(String scope) {
    return scope.startsWith("/") ? scope.substring(1) : scope;
  }

  /** The last segment of an id (a role definition's GUID, an assignment's name), lower-cased. */
  static String lastSegment(String id) {
    if (id == null) {
      return "";
    }
    String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  /** Whether two role definition ids (full ids at any scope, or GUIDs) name the same role. */
  static boolean sameRole(String a, String b) {
    return !lastSegment(a).isEmpty() && lastSegment(a).equals(lastSegment(b));
  }

  static boolean sameScope(String a, String b) {
    return a != null && b != null && normal(a).equals(normal(b));
  }

  /**
   * Whether something at {@code outer} applies at {@code inner}: the same scope, a parent path, the tenant
   * root, or a management group (ARM lists only those above or at a subscription's scopes, so one returned
   * for a listing at {@code inner} covers it).
   */
  static boolean covers(String outer, String inner) {
    String o = normal(outer);
    String i = normal(inner);
    return o.isEmpty() || i.equals(o) || i.startsWith(o + "/") || o.startsWith(MANAGEMENT_GROUPS) && !i.startsWith(MANAGEMENT_GROUPS);
  }

  private static String normal(String scope) {
    String s = scope.toLowerCase(Locale.ROOT);
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
