package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.SurfaceException;

/** A refusal the Graph surface answers with its error envelope; carries the real service's status and code. */
final class GraphException extends SurfaceException {
  GraphException(int status, String code, String message) {
    super(status, code, message);
  }

  static GraphException badRequest(String code, String message) {
    return new GraphException(400, code, message);
  }

  static GraphException invalidRequest(String message) {
    return new GraphException(400, "BadRequest", message);
  }

  static GraphException notFound(String code, String message) {
    return new GraphException(404, code, message);
  }

  static GraphException resourceNotFound(String what, String id) {
    return new GraphException(404, "Request_ResourceNotFound",
        "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
  }

  static GraphException pimNotFound(String what, String id) {
    return new GraphException(404, "ResourceNotFound", "The " + what + " '" + id + "' was not found.");
  }

  static GraphException denied() {
    return new GraphException(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }

  static GraphException denied(String message) {
    return new GraphException(403, "Authorization_RequestDenied", message);
  }

  /**
   * Refuses a delegated token without the scope the way PIM for Groups does: 403, an outer {@code UnknownError}
   * whose message is the workload's own document, {@code PermissionScopeNotGranted} naming every scope that would do.
   */
  static GraphException permissionScopeNotGranted(java.util.Collection<String> accepted) {
    com.fasterxml.jackson.databind.node.ObjectNode inner = dev.jitelevate.emulator.kernel.Json.object()
        .put("errorCode", "PermissionScopeNotGranted")
        .put("message", "Authorization failed due to missing permission scope " + String.join(",", accepted) + ".");
    inner.putArray("instanceAnnotations");
    return new GraphException(403, "UnknownError", inner.toString());
  }

  /**
   * Refuses a self-activation whose token lacks the policy's authentication context as Graph does: an outer
   * {@code UnknownError} whose message is PIM's own error document, {@code RoleAssignmentRequestAcrsValidationFailed}
   * with the URL-encoded claims request as its message.
   */
  static void throwAcrsValidationFailed(String claimValue) {
    com.fasterxml.jackson.databind.node.ObjectNode inner = dev.jitelevate.emulator.kernel.Json.object()
        .put("errorCode", dev.jitelevate.emulator.kernel.AuthContextRule.ERROR_CODE)
        .put("message", dev.jitelevate.emulator.kernel.AuthContextRule.refusalMessage(claimValue));
    throw badRequest("UnknownError", inner.toString());
  }
}
