package dev.jitelevate.core.internal.gateway.sdk;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.aad.msal4j.MsalException;
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
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ClientAuthenticationException || t instanceof MsalException) {
        return Optional.of((RuntimeException) t);
      }
    }
    return Optional.empty();
  }
}
