package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import dev.jitelevate.core.internal.gateway.sdk.TransientRetry;
import dev.jitelevate.core.internal.gateway.sdk.TransientRetry.Verdict;
import java.util.Optional;
import java.util.function.Function;

/**
 * Principals as Graph knows them, for the ARM surfaces (ARM has no directory): who signed in, from the ARM
 * token's claims and the directory's name for it, and principals by object id ({@link DirectoryObjects}, as
 * the surface's caller, with the caller's credential). 429s, 5xx and resets are retried like ARM's.
 */
final class DirectoryPrincipals {
  private final DirectoryObjects directory;
  private final Function<CredentialSource, TokenCredential> credentials;
  private final SurfaceContext context;
  private final TransientRetry retry;

  /**
   * @param caller the surface caller's credential (shared with its ARM client)
   * @param credentials the credential an identity signs in with for ARM, one per identity and surface
   */
  DirectoryPrincipals(TokenCredential caller, Function<CredentialSource, TokenCredential> credentials,
      SurfaceContext context, SdkHttp http) {
    this.directory = new DirectoryObjects(caller, context, http);
    this.credentials = credentials;
    this.context = context;
    this.retry = new TransientRetry(context);
  }

  /** The identity behind the credential; its display name from the directory when readable, else from the token. */
  PrincipalInfo whoAmI(CredentialSource identity) {
    TokenClaims claims = TokenClaims.of(credentials.apply(identity), ArmPipeline.tenant(context),
        ArmPipeline.tokenScope(context.cloud()));
    Optional<PrincipalInfo> known;
    try {
      known = principal(claims.objectId());
    } catch (ElevationException e) {
      if (e.kind() != FailureKind.NOT_AUTHORIZED) {
        throw e;
      }
      known = Optional.empty(); // the caller may not read the directory; the token's own claims suffice
    }
    return known.orElseGet(() -> new PrincipalInfo(claims.objectId(), claims.type(),
        claims.name().orElse(claims.objectId().value())));
  }

  /** The principal with this object id, or empty when the directory has none. */
  Optional<PrincipalInfo> principal(PrincipalId id) {
    try {
      return retry.call(DirectoryObjects.OPERATION, () -> directory.get(id), DirectoryPrincipals::classify);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  private static ElevationException translate(RuntimeException failure) {
    if (failure instanceof HttpResponseException e && e.getResponse() != null) {
      int status = e.getResponse().getStatusCode();
      JsonNode error = e.getValue() instanceof JsonNode node ? node : null;
      String code = error == null ? null : error.path("code").asText(null);
      String message = error == null ? e.getMessage() : error.path("message").asText(e.getMessage());
      String requestId = DirectoryObjects.requestId(e.getResponse()).orElse(null);
      return new ElevationException(ArmFailures.kind(status, code), "Graph refused to look the principal up (HTTP "
          + status + (code == null ? "" : " " + code) + "): " + message, code, requestId, status, e);
    }
    return ArmFailures.translate("Microsoft Graph", DirectoryObjects.OPERATION, failure);
  }

  /** ARM's verdicts, worded for Graph. */
  private static Verdict classify(RuntimeException failure) {
    if (failure instanceof HttpResponseException e && e.getResponse() != null && e.getResponse().getStatusCode() >= 500) {
      return Verdict.retry(ArmFailures.retryAfter(e.getResponse()), "Graph answered " + e.getResponse().getStatusCode());
    }
    return ArmFailures.classify(failure);
  }
}
