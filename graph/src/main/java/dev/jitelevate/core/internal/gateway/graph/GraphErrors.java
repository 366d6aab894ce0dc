package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.internal.gateway.sdk.SignInFailures;
import dev.jitelevate.core.internal.gateway.sdk.TransientRetry.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Graph failures once: which are transient (429 with {@code Retry-After}, 5xx, resets and time-outs),
 * and what the others mean in the {@link ElevationException} tree, keeping the Graph error code, the HTTP
 * status and the {@code request-id} (from {@code innerError} or the response header).
 */
final class GraphErrors {
  static final String POLICY_FAILED = "RoleAssignmentRequestPolicyValidationFailed";
  private static final Pattern RULE = Pattern.compile("\"?([A-Za-z]+Rule)\"?");
  private static final Set<Integer> TRANSIENT_STATUS = Set.of(408, 429, 500, 502, 503, 504);

  private GraphErrors() {}

  /** Whether TransientRetry should try again, and after how long when the service said. */
  static Verdict verdict(RuntimeException failure) {
    if (SignInFailures.find(failure).isPresent()) {
      return Verdict.permanent();
    }
    if (failure instanceof ApiException api && api.getResponseStatusCode() > 0) {
      int status = api.getResponseStatusCode();
      if (!TRANSIENT_STATUS.contains(status)) {
        return Verdict.permanent();
      }
      return Verdict.retry(retryAfter(api), status == 429 ? "throttled (429)" : "HTTP " + status);
    }
    Optional<IOException> io = ioCause(failure);
    return io.map(e -> Verdict.retry(Optional.empty(), "connection failed: " + e.getClass().getSimpleName()))
        .orElse(Verdict.permanent());
  }

  /** The failure as an {@link ElevationException}; one already translated is returned as it is. */
  static ElevationException translate(String operation, RuntimeException failure, Optional<String> lastRequestId) {
    if (failure instanceof ElevationException e) {
      return e;
    }
    Optional<RuntimeException> signIn = SignInFailures.find(failure);
    if (signIn.isPresent()) {
      return new ElevationException(FailureKind.AUTHENTICATION, "Signing in for Graph " + operation + " failed: "
          + SignInFailures.describe(signIn.get()), null, lastRequestId.orElse(null), 0, failure);
    }
    if (failure instanceof ApiException api && api.getResponseStatusCode() > 0) {
      return fromResponse(operation, api, lastRequestId);
    }
    if (ioCause(failure).isPresent()) {
      return new ElevationException(FailureKind.SERVICE_UNAVAILABLE, "Graph " + operation
          + " failed: the connection broke (" + ioCause(failure).get().getClass().getSimpleName()
          + ") and kept breaking through the retries.", null, null, 0, failure);
    }
    return new ElevationException(FailureKind.SERVICE_UNAVAILABLE, "Graph " + operation + " failed: "
        + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()),
        null, lastRequestId.orElse(null), 0, failure);
  }

  private static ElevationException fromResponse(String operation, ApiException api, Optional<String> lastRequestId) {
    int status = api.getResponseStatusCode();
    MainError error = api instanceof ODataError o ? o.getError() : null;
    Optional<WrappedPimError> inner = WrappedPimError.of(error == null ? null : error.getCode(),
        error == null ? null : error.getMessage());
    String code = inner.map(WrappedPimError::code).orElse(error == null ? null : error.getCode());
    String message = inner.map(WrappedPimError::message)
        .orElse(error == null || error.getMessage() == null ? "HTTP " + status : error.getMessage());
    String requestId = requestId(api, error).or(() -> lastRequestId).orElse(null);
    String text = "Graph " + operation + " answered " + status + (code == null ? "" : " " + code) + ": " + message;
    if (POLICY_FAILED.equalsIgnoreCase(code)) {
      return policyViolation(text, message, code, requestId, status, api);
    }
    return new ElevationException(kindOf(status, code), text, code, requestId, status, api);
  }

  private static FailureKind kindOf(int status, String code) {
    if (status == 401) {
      return FailureKind.AUTHENTICATION;
    }
    if (status == 403) {
      return FailureKind.NOT_AUTHORIZED;
    }
    if (TRANSIENT_STATUS.contains(status)) {
      return FailureKind.SERVICE_UNAVAILABLE;
    }
    return FailureKind.INVALID_REQUEST;
  }

  /** {@code The following policy rules failed: ["MfaRule","JustificationRule"]} names the rules; each gets its fix. */
  private static ElevationException policyViolation(String text, String message, String code, String requestId,
      int status, ApiException cause) {
    List<String> rules = rules(message);
    if (rules.equals(List.of("EligibilityRule"))) {
      return new ElevationException(FailureKind.NOT_AUTHORIZED, text + " The principal has no eligibility covering "
          + "this target: ask an administrator for one, or use the broker strategy.", code, requestId, status, cause);
    }
    String rule = rules.isEmpty() ? "PolicyRule" : String.join(", ", rules);
    List<String> fixes = new ArrayList<>();
    rules.forEach(r -> fixes.add(FIXES.getOrDefault(r, "Satisfy the " + r + " of the role's PIM policy.")));
    String fix = fixes.isEmpty() ? "Check the role's PIM policy settings." : String.join(" ", fixes);
    return new PolicyViolationException(rule, "The PIM policy refused the request: " + message + ".", fix, code,
        requestId, status, cause);
  }

  static List<String> rules(String message) {
    List<String> rules = new ArrayList<>();
    Matcher m = RULE.matcher(message == null ? "" : message);
    while (m.find()) {
      if (!rules.contains(m.group(1))) {
        rules.add(m.group(1));
      }
    }
    return rules;
  }

  private static final Map<String, String> FIXES = Map.of(
      "MfaRule", "Sign in with multi-factor authentication (the token's amr must include mfa).",
      "JustificationRule", "Give a justification.",
      "TicketingRule", "Pass a ticket number and ticket system.",
      "ExpirationRule", "Ask for a shorter duration, within the policy's maximum.",
      "EligibilityRule", "Get an eligible assignment for this target first.",
      "ApprovalRule", "The policy's approval settings refuse this request; ask an administrator.");

  private static Optional<String> requestId(ApiException api, MainError error) {
    if (error != null && error.getInnerError() != null && error.getInnerError().getRequestId() != null) {
      return Optional.of(error.getInnerError().getRequestId());
    }
    return header(api, "request-id");
  }

  static Optional<Duration> retryAfter(ApiException api) {
    return header(api, "retry-after").flatMap(GraphErrors::seconds);
  }

  private static Optional<Duration> seconds(String value) {
    try {
      double seconds = Double.parseDouble(value.trim());
      return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
    } catch (NumberFormatException notSeconds) {
      return Optional.empty(); // an HTTP date: fall back to the exponential backoff
    }
  }

  private static Optional<String> header(ApiException api, String name) {
    if (api.getResponseHeaders() == null) {
      return Optional.empty();
    }
    for (var entry : api.getResponseHeaders().entrySet()) {
      if (entry.getKey().toLowerCase(Locale.ROOT).equals(name) && !entry.getValue().isEmpty()) {
        return Optional.of(entry.getValue().iterator().next());
      }
    }
    return Optional.empty();
  }

  private static Optional<IOException> ioCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return Optional.of(io);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
