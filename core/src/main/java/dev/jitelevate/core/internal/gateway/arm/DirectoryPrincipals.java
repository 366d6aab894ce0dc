package dev.jitelevate.core.internal.gateway.arm;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.graph.DirectoryLookup;
import dev.jitelevate.core.internal.gateway.graph.GraphClients;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import dev.jitelevate.core.internal.gateway.sdk.TransientRetry;
import dev.jitelevate.core.internal.gateway.sdk.TransientRetry.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Principals as Graph knows them, for the ARM surfaces (ARM has no directory): who signed in, from the ARM
 * token's claims and the directory's name for it, and principals by object id. The Graph client is made on
 * first use, as the surface's caller.
 */
final class DirectoryPrincipals {
  private final CredentialSource caller;
  private final SurfaceContext context;
  private final SdkHttp http;
  private final TransientRetry retry;
  private DirectoryLookup lookup;

  DirectoryPrincipals(CredentialSource caller, SurfaceContext context, SdkHttp http) {
    this.caller = caller;
    this.context = context;
    this.http = http;
    this.retry = new TransientRetry(context);
  }

  /** The identity behind the credential; its display name from the directory when readable, else from the token. */
  PrincipalInfo whoAmI(CredentialSource identity) {
    TokenClaims claims = TokenClaims.of(identity, ArmPipeline.tenant(context), ArmPipeline.tokenScope(context.cloud()));
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
      return retry.call("directoryObjects.get", () -> lookup().principal(id), DirectoryPrincipals::classify);
    } catch (ApiException e) {
      throw translate(e);
    }
  }

  private synchronized DirectoryLookup lookup() {
    if (lookup == null) {
      lookup = new DirectoryLookup(GraphClients.create(caller, context, http));
    }
    return lookup;
  }

  private static Verdict classify(RuntimeException failure) {
    if (failure instanceof ApiException e) {
      int status = e.getResponseStatusCode();
      if (status == 429 || status >= 500) {
        return Verdict.retry(retryAfter(e), "Graph answered " + status);
      }
      return Verdict.permanent();
    }
    return ArmFailures.connectionProblem(failure).map(r -> Verdict.retry(Optional.empty(), r)).orElse(Verdict.permanent());
  }

  private static Optional<Duration> retryAfter(ApiException e) {
    List<String> values = e.getResponseHeaders() == null ? null
        : e.getResponseHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Retry-After"))
            .map(h -> h.getValue().stream().findFirst().orElse("")).toList();
    return values == null || values.isEmpty() || !values.get(0).trim().matches("\\d+") ? Optional.empty()
        : Optional.of(Duration.ofSeconds(Long.parseLong(values.get(0).trim())));
  }

  private static ElevationException translate(ApiException e) {
    int status = e.getResponseStatusCode();
    String code = e instanceof ODataError o && o.getError() != null ? o.getError().getCode() : null;
    String message = e instanceof ODataError o && o.getError() != null ? o.getError().getMessage() : e.getMessage();
    return new ElevationException(ArmFailures.kind(status, code), "Graph refused to look the principal up (HTTP "
        + status + (code == null ? "" : " " + code) + "): " + message, code, null, status, e);
  }
}
