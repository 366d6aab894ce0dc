package dev.jitelevate.core.internal.gateway.graph;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph's PIM APIs answer some refusals as an {@code UnknownError} whose message is PIM's own error document,
 * {@code {"errorCode":"RoleAssignmentRequestAcrsValidationFailed","message":"&claims=…"}}: this reads the inner
 * code and message so the refusal is matched like any other.
 *
 * @param code the inner {@code errorCode}
 * @param message the inner {@code message}
 */
record WrappedPimError(String code, String message) {
  private static final Pattern CODE = Pattern.compile("\"errorCode\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)\"");

  /** The inner error, when the outer one is {@code UnknownError} wrapping such a document. */
  static Optional<WrappedPimError> of(String outerCode, String outerMessage) {
    if (!"UnknownError".equalsIgnoreCase(outerCode) || outerMessage == null) {
      return Optional.empty();
    }
    Matcher code = CODE.matcher(outerMessage);
    if (!code.find()) {
      return Optional.empty();
    }
    Matcher message = MESSAGE.matcher(outerMessage);
    return Optional.of(new WrappedPimError(code.group(1), message.find() ? message.group(1) : outerMessage));
  }
}
