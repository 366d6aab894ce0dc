package dev.jitelevate.emulator.graph;

/** A refusal the Graph surface answers with its error envelope; carries the real service's status and code. */
final class GraphException extends RuntimeException {
  private final int status;
  private final String code;

  GraphException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
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

  static GraphException policyFailed(java.util.List<String> rules) {
    String list = String.join(",", rules.stream().map(r -> "\"" + r + "\"").toList());
    return badRequest("RoleAssignmentRequestPolicyValidationFailed", "The following policy rules failed: [" + list + "]");
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
