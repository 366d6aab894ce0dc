package dev.jitelevate.core.internal.gateway.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.odataerrors.InnerError;
import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ResponseHeaders;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PolicyViolationException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GraphErrorsTest {

  /** An ODataError as the SDK throws it: status, envelope, headers. */
  static ODataError odataError(int status, String code, String message, Map<String, String> headers, String requestId) {
    MainError main = new MainError();
    main.setCode(code);
    main.setMessage(message);
    if (requestId != null) {
      InnerError inner = new InnerError();
      inner.setRequestId(requestId);
      main.setInnerError(inner);
    }
    ResponseHeaders responseHeaders = new ResponseHeaders();
    headers.forEach((k, v) -> responseHeaders.put(k, Set.of(v)));
    return new ODataError() {
      {
        setResponseStatusCode(status);
        setResponseHeaders(responseHeaders);
        setError(main);
      }
    };
  }

  @Nested
  class Verdicts {
    @Test
    void a429IsTransientAfterTheRetryAfterTheServiceAsked() {
      var verdict = GraphErrors.verdict(odataError(429, "TooManyRequests", "Please retry again later.",
          Map.of("Retry-After", "2.128"), null));
      assertThat(verdict.isTransient()).isTrue();
      assertThat(verdict.retryAfter()).contains(Duration.ofMillis(2128));
      assertThat(verdict.reason()).contains("429");
    }

    @Test
    void aServerErrorIsTransientWithTheBackoffOfTheRetryPolicy() {
      var verdict = GraphErrors.verdict(odataError(503, "ServiceUnavailable", "busy", Map.of(), null));
      assertThat(verdict.isTransient()).isTrue();
      assertThat(verdict.retryAfter()).isEmpty();
    }

    @Test
    void aResetConnectionIsTransient() {
      var verdict = GraphErrors.verdict(new RuntimeException(new UncheckedIOException(new SocketException("Connection reset"))));
      assertThat(verdict.isTransient()).isTrue();
    }

    @Test
    void aRefusalIsNotRetried() {
      assertThat(GraphErrors.verdict(odataError(400, "RoleAssignmentExists", "exists", Map.of(), null)).isTransient()).isFalse();
      assertThat(GraphErrors.verdict(odataError(403, "Authorization_RequestDenied", "no", Map.of(), null)).isTransient()).isFalse();
    }
  }

  @Nested
  class Translation {
    @Test
    void pimsOwnErrorInsideAnUnknownErrorIsReadForItsCodeAndClaimsChallenge() {
      String inner = "{\"errorCode\":\"RoleAssignmentRequestAcrsValidationFailed\",\"message\":\"&claims=%7B%22access_token"
          + "%22%3A%7B%22acrs%22%3A%7B%22essential%22%3Atrue%2C%20%22value%22%3A%22c1%22%7D%7D%7D\"}";
      ElevationException e = GraphErrors.translate("roleAssignmentScheduleRequests.create",
          odataError(400, "UnknownError", inner, Map.of(), "req-2"), Optional.empty());
      assertThat(e.azureErrorCode()).contains("RoleAssignmentRequestAcrsValidationFailed");
      assertThat(dev.jitelevate.core.internal.gateway.Refusal.STEP_UP_REQUIRED.matches(e)).isTrue();
      assertThat(dev.jitelevate.core.ClaimsChallenge.fromMessage(e.getMessage()))
          .hasValueSatisfying(c -> assertThat(c.authenticationContext()).isEqualTo("c1"));
    }

    @Test
    void aPolicyFailureNamesEveryFailedRuleAndItsFixKeepingCodeStatusAndRequestId() {
      ElevationException e = GraphErrors.translate("roleAssignmentScheduleRequests.create", odataError(400,
          "RoleAssignmentRequestPolicyValidationFailed", "The following policy rules failed: [\"MfaRule\",\"JustificationRule\"]",
          Map.of(), "req-1"), Optional.empty());
      assertThat(e).isInstanceOfSatisfying(PolicyViolationException.class, p -> {
        assertThat(p.rule()).isEqualTo("MfaRule, JustificationRule");
        assertThat(p.fix()).contains("multi-factor").contains("justification");
      });
      assertThat(e.kind()).isEqualTo(FailureKind.POLICY_VIOLATION);
      assertThat(e.azureErrorCode()).contains("RoleAssignmentRequestPolicyValidationFailed");
      assertThat(e.azureRequestId()).contains("req-1");
      assertThat(e.httpStatus()).isEqualTo(400);
    }

    @Test
    void aFailedEligibilityRuleMeansNotAuthorized() {
      ElevationException e = GraphErrors.translate("x", odataError(400, "RoleAssignmentRequestPolicyValidationFailed",
          "The following policy rules failed: [\"EligibilityRule\"]", Map.of(), null), Optional.empty());
      assertThat(e).isNotInstanceOf(PolicyViolationException.class);
      assertThat(e.kind()).isEqualTo(FailureKind.NOT_AUTHORIZED);
    }

    @Test
    void theRequestIdComesFromTheHeaderWhenTheEnvelopeHasNone() {
      ElevationException e = GraphErrors.translate("x", odataError(403, "Authorization_RequestDenied", "Insufficient privileges",
          Map.of("request-id", "hdr-7"), null), Optional.empty());
      assertThat(e.kind()).isEqualTo(FailureKind.NOT_AUTHORIZED);
      assertThat(e.azureRequestId()).contains("hdr-7");
      assertThat(e.getMessage()).contains("Authorization_RequestDenied").contains("403");
    }

    @Test
    void conflictCodesAreKeptForTheLifecycleToReactTo() {
      ElevationException e = GraphErrors.translate("x", odataError(400, "PendingRoleAssignmentRequest", "pending",
          Map.of(), null), Optional.empty());
      assertThat(e.azureErrorCode()).contains("PendingRoleAssignmentRequest");
      assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
    }

    @Test
    void throttlingBeyondTheRetriesIsServiceUnavailableAndUnauthenticatedIsAuthentication() {
      assertThat(GraphErrors.translate("x", odataError(429, "TooManyRequests", "later", Map.of(), null), Optional.empty())
          .kind()).isEqualTo(FailureKind.SERVICE_UNAVAILABLE);
      assertThat(GraphErrors.translate("x", odataError(401, "InvalidAuthenticationToken", "Access token is empty.", Map.of(),
          null), Optional.empty()).kind()).isEqualTo(FailureKind.AUTHENTICATION);
    }

    @Test
    void aBrokenConnectionIsServiceUnavailable() {
      ElevationException e = GraphErrors.translate("x", new RuntimeException(new SocketException("reset")), Optional.empty());
      assertThat(e.kind()).isEqualTo(FailureKind.SERVICE_UNAVAILABLE);
    }
  }
}
