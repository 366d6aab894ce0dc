package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementException;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.internal.gateway.AzureErrorCodes;
import dev.jitelevate.core.internal.gateway.sdk.SignInFailures;
import dev.jitelevate.core.internal.gateway.sdk.TransientRetry.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What the ARM SDK's failures mean: which are worth another try (429, 5xx, resets, time-outs) and which
 * {@link ElevationException} each becomes, keeping ARM's error code, HTTP status and {@code x-ms-request-id}.
 */
final class ArmFailures {
  private ArmFailures() {}

  /** Transient: 408, 429 (with its Retry-After), 5xx, and connection failures; everything else is an answer. */
  static Verdict classify(RuntimeException failure) {
    if (signInFailure(failure).isPresent()) {
      return Verdict.permanent();
    }
    if (failure instanceof HttpResponseException e && e.getResponse() != null) {
      int status = e.getResponse().getStatusCode();
      if (status == 429) {
        return Verdict.retry(retryAfter(e.getResponse()), "throttled (429)");
      }
      if (status == 408 || status >= 500) {
        return Verdict.retry(retryAfter(e.getResponse()), "ARM answered " + status);
      }
      return Verdict.permanent();
    }
    return connectionProblem(failure)
        .map(reason -> Verdict.retry(Optional.empty(), reason))
        .orElse(Verdict.permanent());
  }

  /** The failure as an {@link ElevationException}; one already translated is returned as it is. */
  static ElevationException translate(String operation, RuntimeException failure) {
    return translate("ARM", operation, failure);
  }

  /**
   * The same for a call to another service on the ARM surfaces' stack (their Graph lookup): {@code service} names
   * it where the failure is that it could not be reached, so that a blocked host is the one the message names.
   */
  static ElevationException translate(String service, String operation, RuntimeException failure) {
    if (failure instanceof ElevationException e) {
      return e;
    }
    Optional<RuntimeException> signIn = signInFailure(failure);
    if (signIn.isPresent()) {
      return new ElevationException(FailureKind.AUTHENTICATION, "Signing in for " + operation + " failed: "
          + SignInFailures.describe(signIn.get()), null, null, 0, failure);
    }
    if (failure instanceof HttpResponseException e && e.getResponse() != null) {
      return fromResponse(operation, e);
    }
    Optional<String> connection = connectionProblem(failure);
    if (connection.isPresent()) {
      return new ElevationException(FailureKind.SERVICE_UNAVAILABLE, service + " could not be reached for " + operation
          + " (" + connection.get() + ") after the retries were spent.", null, null, 0, failure);
    }
    return new ElevationException(FailureKind.SERVICE_UNAVAILABLE, operation + " failed unexpectedly: " + failure,
        null, null, 0, failure);
  }

  private static ElevationException fromResponse(String operation, HttpResponseException e) {
    HttpResponse response = e.getResponse();
    int status = response.getStatusCode();
    String requestId = response.getHeaderValue(ApiCallPolicy.REQUEST_ID);
    String code = null;
    String message = e.getMessage();
    if (e instanceof ManagementException m && m.getValue() != null) {
      code = m.getValue().getCode();
      message = m.getValue().getMessage();
    }
    ArmError error = new ArmError(operation, status, code, message, requestId);
    if (AzureErrorCodes.POLICY_VALIDATION_FAILED.equalsIgnoreCase(code)) {
      return PolicyRuleFailure.from(error, e);
    }
    return new ElevationException(kind(status, code), error.describe(), code, requestId, status, e);
  }

  static FailureKind kind(int status, String code) {
    String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
    if (status == 401 || c.contains("authenticationtoken") || c.equals("authenticationfailed")) {
      return FailureKind.AUTHENTICATION;
    }
    if (status == 403 || c.endsWith("authorizationfailed")) {
      return FailureKind.NOT_AUTHORIZED;
    }
    if (c.equals(AzureErrorCodes.ACTIVE_DURATION_TOO_SHORT.toLowerCase(Locale.ROOT))) {
      return FailureKind.POLICY_VIOLATION;
    }
    if (status == 429 || status == 408 || status >= 500) {
      return FailureKind.SERVICE_UNAVAILABLE;
    }
    return FailureKind.INVALID_REQUEST;
  }

  /**
   * The server's hint: {@code retry-after-ms}, {@code x-ms-retry-after-ms}, or {@code Retry-After} (seconds, whole or
   * fractional as Graph sends them through the same pipeline, or a date).
   */
  static Optional<Duration> retryAfter(HttpResponse response) {
    for (String header : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
      String ms = response.getHeaderValue(header);
      if (ms != null && ms.trim().matches("\\d+")) {
        return Optional.of(Duration.ofMillis(Long.parseLong(ms.trim())));
      }
    }
    String value = response.getHeaderValue("Retry-After");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.matches("\\d+")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    if (v.matches("\\d+\\.\\d+")) {
      return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(v) * 1000)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A failed sign-in anywhere in the cause chain: the SDK's pipeline gets its token inside reactor, which wraps
   * azure-identity's exception (or hands on MSAL's own), so a bad secret or a refused assertion must not pass for a connection problem.
   */
  static Optional<RuntimeException> signInFailure(Throwable failure) {
    return SignInFailures.find(failure);
  }

  /** A reset, refused connection or time-out anywhere in the cause chain. */
  static Optional<String> connectionProblem(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof TimeoutException) {
        return Optional.of(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
      }
    }
    return Optional.empty();
  }

  /** One ARM error answer, described for messages. */
  record ArmError(String operation, int status, String code, String message, String requestId) {
    String describe() {
      return "ARM refused " + operation + " (HTTP " + status + (code == null ? "" : " " + code) + "): "
          + (message == null ? "no message" : message);
    }
  }
}
