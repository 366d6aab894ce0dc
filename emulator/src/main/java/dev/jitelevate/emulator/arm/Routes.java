package dev.jitelevate.emulator.arm;

import java.util.Arrays;

/** Small routing checks shared by the endpoint classes. */
final class Routes {
  private Routes() {}

  /**
   * Checks the HTTP method.
   *
   * @throws ArmException 405 {@code MethodNotAllowed} naming the allowed methods
   */
  static void requireMethod(ArmCall call, String... allowed) {
    if (Arrays.stream(allowed).noneMatch(m -> m.equals(call.method()))) {
      throw new ArmException(405, "MethodNotAllowed", "The requested resource does not support http method '"
          + call.method() + "'. Allowed: " + String.join(", ", allowed) + ".");
    }
  }

  /**
   * Checks the path has no segments beyond what the endpoint understands.
   *
   * @throws ArmException 400 {@code InvalidResourceType}
   */
  static void requireMaxSegments(ArmCall call, int max) {
    if (call.segments().size() > max) {
      throw unknownType(call);
    }
  }

  static ArmException unknownType(ArmCall call) {
    return ArmErrors.badRequest("InvalidResourceType", "The resource type '" + String.join("/", call.segments())
        + "' could not be found in the namespace 'Microsoft.Authorization'.");
  }
}
