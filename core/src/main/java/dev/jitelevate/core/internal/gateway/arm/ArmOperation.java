package dev.jitelevate.core.internal.gateway.arm;

import java.util.Locale;

/**
 * Names an ARM call for events and records ({@code roleAssignmentScheduleRequests.create}) from its method and
 * path, so that no URL ever reaches a record. Paths are Microsoft.Authorization collections under a scope.
 */
final class ArmOperation {
  private static final String PROVIDER = "/providers/microsoft.authorization/";

  private ArmOperation() {}

  /** The short name of a call: collection and verb ({@code roleAssignments.delete}, {@code permissions.list}). */
  static String name(String method, String path) {
    String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
    int at = lower.lastIndexOf(PROVIDER);
    if (at < 0) {
      return "resources." + verb(method, true, null);
    }
    String[] parts = path.substring(at + PROVIDER.length()).split("/");
    String collection = parts.length > 0 && !parts[0].isEmpty() ? parts[0] : "unknown";
    boolean item = parts.length > 1 && !parts[1].isEmpty();
    String action = parts.length > 2 ? parts[parts.length - 1] : null;
    return collection + "." + verb(method, item, action);
  }

  private static String verb(String method, boolean item, String action) {
    String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
    return switch (m) {
      case "GET" -> item ? "get" : "list";
      case "PUT" -> "create";
      case "PATCH" -> "update";
      case "DELETE" -> "delete";
      case "POST" -> action != null ? action : "post";
      default -> m.toLowerCase(Locale.ROOT);
    };
  }
}
