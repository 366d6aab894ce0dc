package dev.jitelevate.core.internal.gateway.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.internal.gateway.sdk.TransientRetry.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArmFailuresTest {
  private static ManagementException arm(int status, String code, String message, String... headers) {
    HttpHeaders h = new HttpHeaders().set("x-ms-request-id", "req-42");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      h.set(headers[i], headers[i + 1]);
    }
    String body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}}";
    return new ManagementException("Status code " + status, new StubResponse(status, h, body),
        new ManagementError(code, message));
  }

  @Nested
  class Translation {
    @Test
    void aPolicyValidationFailureNamesEveryFailedRuleAndKeepsCodeStatusAndRequestId() {
      ElevationException e = ArmFailures.translate("roleAssignmentScheduleRequests.create",
          arm(400, "RoleAssignmentRequestPolicyValidationFailed",
              "The following policy rules failed: [\"ExpirationRule\",\"JustificationRule\"]"));

      assertThat(e).isInstanceOfSatisfying(PolicyViolationException.class, p -> {
        assertThat(p.rule()).isEqualTo("ExpirationRule, JustificationRule");
        assertThat(p.fix()).contains("shorter duration").contains("justification");
      });
      assertThat(e.kind()).isEqualTo(FailureKind.POLICY_VIOLATION);
      assertThat(e.azureErrorCode()).contains("RoleAssignmentRequestPolicyValidationFailed");
      assertThat(e.azureRequestId()).contains("req-42");
      assertThat(e.httpStatus()).isEqualTo(400);
    }

    @Test
    void authorizationFailedIsNotAuthorizedWith403() {
      ElevationException e = ArmFailures.translate("roleAssignments.create", arm(403, "AuthorizationFailed",
          "The client 'x' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/write'"));

      assertThat(e.kind()).isEqualTo(FailureKind.NOT_AUTHORIZED);
      assertThat(e.httpStatus()).isEqualTo(403);
      assertThat(e.getMessage()).contains("roleAssignments.create").contains("AuthorizationFailed");
    }

    @Test
    void activeDurationTooShortKeepsItsCodeForTheRevokeStep() {
      ElevationException e = ArmFailures.translate("roleAssignmentScheduleRequests.create",
          arm(400, "ActiveDurationTooShort", "The Active duration is too short. Miniumum Required is 5 minutes."));

      assertThat(e.azureErrorCode()).contains("ActiveDurationTooShort");
      assertThat(e.kind()).isEqualTo(FailureKind.POLICY_VIOLATION);
    }

    @Test
    void conflictsKeepTheirCodesAsInvalidRequests() {
      assertThat(ArmFailures.translate("x", arm(409, "RoleAssignmentExists", "The role assignment already exists.")))
          .satisfies(e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
            assertThat(e.azureErrorCode()).contains("RoleAssignmentExists");
          });
    }

    @Test
    void anExpiredTokenIsAnAuthenticationFailure() {
      assertThat(ArmFailures.translate("x", arm(401, "ExpiredAuthenticationToken", "expired")).kind())
          .isEqualTo(FailureKind.AUTHENTICATION);
      assertThat(ArmFailures.translate("x", new ClientAuthenticationException("AADSTS7000215: Invalid client secret", null))
          .kind()).isEqualTo(FailureKind.AUTHENTICATION);
    }

    @Test
    void spentRetriesOfThrottlingOrResetsAreServiceUnavailable() {
      assertThat(ArmFailures.translate("x", arm(429, "TooManyRequests", "slow down")).kind())
          .isEqualTo(FailureKind.SERVICE_UNAVAILABLE);
      assertThat(ArmFailures.translate("x", new UncheckedIOException(new IOException("Connection reset"))).kind())
          .isEqualTo(FailureKind.SERVICE_UNAVAILABLE);
    }

    @Test
    void aServiceThatCannotBeReachedIsNamedSoThatTheRightHostIsChecked() {
      UncheckedIOException refused = new UncheckedIOException(new ConnectException("Failed to connect to /[::1]:443"));

      assertThat(ArmFailures.translate("roleDefinitions.list", refused).getMessage())
          .startsWith("ARM could not be reached for roleDefinitions.list (ConnectException: Failed to connect to");
      assertThat(ArmFailures.translate("Microsoft Graph", "directoryObjects.get", refused).getMessage())
          .startsWith("Microsoft Graph could not be reached for directoryObjects.get");
    }

    @Test
    void anAlreadyTranslatedFailureIsKept() {
      ElevationException original = new ElevationException(FailureKind.DENIED, "no");
      assertThat(ArmFailures.translate("x", original)).isSameAs(original);
    }
  }

  @Nested
  class Classification {
    @Test
    void throttlingIsTransientAfterTheServersRetryAfter() {
      Verdict v = ArmFailures.classify(arm(429, "TooManyRequests", "slow down", "Retry-After", "3"));
      assertThat(v.isTransient()).isTrue();
      assertThat(v.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void aFractionalRetryAfterIsHonouredToTheMillisecond() {
      assertThat(ArmFailures.classify(arm(429, "TooManyRequests", "x", "Retry-After", "1.25")).retryAfter())
          .contains(Duration.ofMillis(1250));
    }

    @Test
    void millisecondHintsWin() {
      assertThat(ArmFailures.classify(arm(429, "TooManyRequests", "x", "x-ms-retry-after-ms", "250")).retryAfter())
          .contains(Duration.ofMillis(250));
    }

    @Test
    void serverErrorsAndResetsAreTransient() {
      assertThat(ArmFailures.classify(arm(503, "ServiceUnavailable", "busy")).isTransient()).isTrue();
      assertThat(ArmFailures.classify(new RuntimeException(new IOException("Connection reset"))).isTransient()).isTrue();
    }

    @Test
    void refusalsAndSignInFailuresAreNotRetried() {
      assertThat(ArmFailures.classify(arm(400, "RoleAssignmentExists", "exists")).isTransient()).isFalse();
      assertThat(ArmFailures.classify(arm(403, "AuthorizationFailed", "no")).isTransient()).isFalse();
      assertThat(ArmFailures.classify(new ClientAuthenticationException("bad secret", null)).isTransient()).isFalse();
    }
  }
}
