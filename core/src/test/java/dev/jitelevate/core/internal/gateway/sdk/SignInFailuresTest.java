package dev.jitelevate.core.internal.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class SignInFailuresTest {
  private static ClientAuthenticationException identity(Throwable cause) {
    return new ClientAuthenticationException("Failed to acquire token with device code.", null, cause);
  }

  @Test
  void aSignInFailureDeepInAReactorChainIsFound() {
    ClientAuthenticationException signIn = identity(null);
    assertThat(SignInFailures.find(new RuntimeException("pipeline", new IllegalStateException(signIn))))
        .containsSame(signIn);
    assertThat(SignInFailures.find(new UncheckedIOException(new IOException("reset")))).isEmpty();
  }

  @Test
  void theServicesAnswerUnderAzureIdentitysMessageIsNamedWithItsCodeAndItsIdsOnOneLine() {
    MsalServiceException answer = new MsalServiceException("AADSTS70020: The provided value for the input parameter"
        + " 'device_code' is not valid. This device code has expired.\r\nTrace ID: 1\r\nCorrelation ID: 2", "expired_token");
    String text = SignInFailures.describe(identity(new ExecutionException(answer)));
    assertThat(text).isEqualTo("Failed to acquire token with device code. (the sign-in service answered expired_token:"
        + " AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has"
        + " expired. Trace ID: 1 Correlation ID: 2)");
  }

  @Test
  void aMessageThatAlreadyCarriesTheServicesAnswerIsNotRepeated() {
    String said = "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1\r\nCorrelation ID: 2";
    MsalServiceException answer = new MsalServiceException(said, "invalid_client");
    assertThat(SignInFailures.describe(new ClientAuthenticationException(said, null, answer)))
        .isEqualTo("AADSTS7000215: Invalid client secret provided. Trace ID: 1 Correlation ID: 2");
  }

  @Test
  void aBrokenConnectionUnderMsalIsNamedByItsDeepestCause() {
    MsalClientException client = new MsalClientException(new IOException("unexpected end of stream on https://x/..."));
    assertThat(SignInFailures.describe(identity(client)))
        .isEqualTo("Failed to acquire token with device code. (IOException: unexpected end of stream on https://x/...)");
  }

  @Test
  void msalsOwnErrorKeepsItsCode() {
    MsalClientException expired = new MsalClientException("Expired Device code", "code_expired");
    assertThat(SignInFailures.describe(identity(expired)))
        .isEqualTo("Failed to acquire token with device code. (MsalClientException code_expired: Expired Device code)");
  }

  @Test
  void aFailureWithNothingUnderItIsItsOwnMessage() {
    assertThat(SignInFailures.describe(new ClientAuthenticationException("AADSTS7000215: Invalid client secret", null)))
        .isEqualTo("AADSTS7000215: Invalid client secret");
  }
}
