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
   * The sign-in failure's message and what lies under it, on one line. azure-identity says only "Failed to acquire
   * token with device code." and keeps the reason in its cause: the sign-in service's answer (its OAuth error code
   * and its description, which starts with the AADSTS code and ends with the trace and correlation ids that
   * Microsoft's support asks for) or MSAL's own error, or else the broken connection. None of them carries a token
   * or a secret: MSAL's message is the service's error description, and the request's form is in none of them.
   */
  public static String describe(RuntimeException signIn) {
    String message = oneLine(signIn.getMessage());
    return reason(signIn).filter(r -> !message.contains(r.gist())).map(r -> message + " (" + r.text() + ")")
        .orElse(message);
  }

  /** What lies under a sign-in failure; {@code gist} is its first line, to tell whether the message has it already. */
  private record Reason(String text, String gist) {}

  private static Optional<Reason> reason(Throwable signIn) {
    Throwable deepest = null;
    for (Throwable t = signIn; t != null; t = next(t)) {
      if (t instanceof MsalServiceException service) {
        Integer status = service.statusCode();
        return Optional.of(new Reason("the sign-in service answered " + (status == null || status == 0 ? ""
            : "HTTP " + status + " ") + service.errorCode() + ": " + oneLine(service.getMessage()),
            firstLine(service.getMessage())));
      }
      if (t != signIn) {
        deepest = t;
      }
    }
    if (deepest == null) {
      return Optional.empty();
    }
    String code = deepest instanceof MsalException msal && msal.errorCode() != null ? " " + msal.errorCode() : "";
    return Optional.of(new Reason(deepest.getClass().getSimpleName() + code
        + (deepest.getMessage() == null ? "" : ": " + oneLine(deepest.getMessage())), firstLine(deepest.getMessage())));
  }

  private static Throwable next(Throwable t) {
    return t.getCause() == t ? null : t.getCause();
  }

  private static String oneLine(String text) {
    return text == null ? "no message" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String firstLine(String text) {
    String all = text == null ? "no message" : text.strip();
    int end = all.indexOf('\n');
    return (end < 0 ? all : all.substring(0, end)).strip();
  }
}
