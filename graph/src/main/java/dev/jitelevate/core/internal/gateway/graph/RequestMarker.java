package dev.jitelevate.core.internal.gateway.graph;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph assigns request ids itself, so a submit that failed ambiguously (the answer was lost, the retry was
 * refused as a duplicate) could not find its own request by id. Our request id therefore travels at the end of
 * the justification, where approvers see it too, and is how a surface recognises its request afterwards.
 */
final class RequestMarker {
  private static final Pattern MARK = Pattern.compile("\\[jit-elevate ([0-9A-Za-z-]+)]\\s*$");

  private RequestMarker() {}

  /** The justification to send: the caller's text, then our request id. */
  static String tag(String justification, String requestId) {
    String text = justification == null ? "" : justification.strip();
    return (text.isEmpty() ? "" : text + " ") + "[jit-elevate " + requestId + "]";
  }

  /** Our request id, when the justification carries one. */
  static Optional<String> requestIdIn(String justification) {
    if (justification == null) {
      return Optional.empty();
    }
    Matcher m = MARK.matcher(justification);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
