package dev.jitelevate.core.internal.gateway.sdk;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.util.Optional;

/**
 * Finds a failed sign-in in a cause chain, for every surface alike: the SDKs get their tokens inside their
 * pipelines (reactor for ARM, Kiota's authentication provider for Graph), which wrap azure-identity's exception
 * or hand on MSAL's own; a bad secret or a refused assertion must not pass for a connection problem.
 */
public final class SignInFailures {
  private SignInFailures() {}

  /** The sign-in failure anywhere in the cause chain, if there is one. */
  public static Optional<RuntimeException> find(Throwable failure) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof ClientAuthenticationException || t instanceof MsalException) {
        return Optional.of((RuntimeException) t);
      }
    }
    return Optional.empty();
  }

  /**
   * The sign-in failure's message and what lies under it. azure-identity says only "Failed to acquire token with
   * device code." and keeps the reason in its cause: the sign-in service's answer (its OAuth error code and the
   * first line of its description, which starts with the AADSTS code) or MSAL's own error, or else the broken
   * connection. Neither carries a token or a secret: MSAL puts the service's error description in its message,
   * and the request's form is not part of any of them.
   */
  public static String describe(RuntimeException signIn) {
    String message = firstLine(signIn.getMessage());
    Optional<String> reason = reason(signIn);
    return reason.filter(r -> !message.contains(r)).map(r -> message + " (" + r + ")").orElse(message);
  }

  private static Optional<String> reason(Throwable signIn) {
    Throwable deepest = null;
    for (Throwable t = signIn; t != null; t = next(t)) {
      if (t instanceof MsalServiceException service) {
        Integer status = service.statusCode();
        return Optional.of("the sign-in service answered " + (status == null || status == 0 ? "" : "HTTP " + status
            + " ") + service.errorCode() + ": " + firstLine(service.getMessage()));
      }
      if (t != signIn) {
        deepest = t;
      }
    }
    if (deepest == null) {
      return Optional.empty();
    }
    String code = deepest instanceof MsalException msal && msal.errorCode() != null ? " " + msal.errorCode() : "";
    return Optional.of(deepest.getClass().getSimpleName() + code
        + (deepest.getMessage() == null ? "" : ": " + firstLine(deepest.getMessage())));
  }

  private static Throwable next(Throwable t) {
    return t.getCause() == t ? null : t.getCause();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no message";
    }
    String trimmed = text.strip();
    int end = trimmed.indexOf('\n');
    return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
  }
}
