package dev.jitelevate.emulator.server;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A targeted fault for the next {@code count} requests that match: used to rehearse 5xx bursts, resets and
 * slow answers on one kind of call. Applies to every surface except the admin API.
 *
 * @param method HTTP method to match, or null for any
 * @param pathRegex regular expression that must be found in the (decoded, slash-collapsed) path
 * @param kind what to do: answer with a status, reset the connection, add latency and then serve normally, or
 *     serve the request and then reset the connection instead of answering (the service acted, the answer was lost)
 * @param status the status for {@link Kind#STATUS} (e.g. 503, 500, 429)
 * @param retryAfterSeconds a {@code Retry-After} header value for {@link Kind#STATUS}, or 0 for none
 * @param latency the delay for {@link Kind#LATENCY}
 * @param count how many matching requests the rule affects (at least 1)
 */
public record FaultRule(
    String method, String pathRegex, Kind kind, int status, int retryAfterSeconds, Duration latency, int count) {

  /** What a fault rule does to a matching request. */
  public enum Kind { STATUS, RESET, LATENCY, LOST_ANSWER }

  public FaultRule {
    Objects.requireNonNull(kind, "kind");
    method = method == null || method.isBlank() ? null : method.toUpperCase(Locale.ROOT);
    pathRegex = pathRegex == null || pathRegex.isBlank() ? ".*" : pathRegex;
    Pattern.compile(pathRegex);
    latency = latency == null ? Duration.ZERO : latency;
    if (count < 1) throw new IllegalArgumentException("count must be at least 1");
    if (kind == Kind.STATUS && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("status must be a 4xx or 5xx code for a STATUS fault");
    }
    if (retryAfterSeconds < 0) throw new IllegalArgumentException("retryAfterSeconds must be >= 0");
    if (latency.isNegative()) throw new IllegalArgumentException("latency must not be negative");
  }

  /** The next {@code count} matching requests fail with the status. */
  public static FaultRule status(String method, String pathRegex, int status, int count) {
    return new FaultRule(method, pathRegex, Kind.STATUS, status, 0, Duration.ZERO, count);
  }

  /** The next {@code count} matching requests get 429 with the given Retry-After. */
  public static FaultRule throttle(String method, String pathRegex, int retryAfterSeconds, int count) {
    return new FaultRule(method, pathRegex, Kind.STATUS, 429, retryAfterSeconds, Duration.ZERO, count);
  }

  /** The next {@code count} matching requests have their connection reset. */
  public static FaultRule reset(String method, String pathRegex, int count) {
    return new FaultRule(method, pathRegex, Kind.RESET, 0, 0, Duration.ZERO, count);
  }

  /**
   * The next {@code count} matching requests take effect, but their connection is reset instead of answered:
   * a client retrying must find what its lost attempt created.
   */
  public static FaultRule lostAnswer(String method, String pathRegex, int count) {
    return new FaultRule(method, pathRegex, Kind.LOST_ANSWER, 0, 0, Duration.ZERO, count);
  }

  /** The next {@code count} matching requests are delayed, then served normally. */
  public static FaultRule latency(String method, String pathRegex, Duration latency, int count) {
    return new FaultRule(method, pathRegex, Kind.LATENCY, 0, 0, latency, count);
  }

  boolean matches(String requestMethod, String path) {
    return (method == null || method.equals(requestMethod))
        && PATTERNS.computeIfAbsent(pathRegex, Pattern::compile).matcher(path).find();
  }

  private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
}
