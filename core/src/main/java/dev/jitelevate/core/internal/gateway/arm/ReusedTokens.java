package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * An identity's credential that hands out the token it already has for the same scopes and tenant until five
 * minutes before it expires, instead of asking Entra again. MSAL's own cache should do that, but misses
 * whenever the authority has a port (it files the token under the bare host and looks it up with the port),
 * and the surface asks for the caller's and the identity's ARM token outside the pipeline's token policy
 * (for their claims). Callers asking at the same time (the resolve step's parallel lookups) share one request.
 * Claims challenges always go to the credential.
 */
final class ReusedTokens implements TokenCredential {
  private static final Duration MARGIN = Duration.ofMinutes(5);

  private final TokenCredential credential;
  private final String tenant;
  private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
  /** The request being made for each key: a second caller meanwhile waits for it instead of signing in again. */
  private final Map<String, CompletableFuture<AccessToken>> inFlight = new ConcurrentHashMap<>();

  /** @param tenant the tenant a request without one gets its token from (the surface's), or null */
  ReusedTokens(TokenCredential credential, String tenant) {
    this.credential = credential;
    this.tenant = tenant;
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    String key = key(request);
    if (key == null) {
      return credential.getTokenSync(request);
    }
    AccessToken held = tokens.get(key);
    if (usable(held)) {
      return held;
    }
    CompletableFuture<AccessToken> mine = new CompletableFuture<>();
    CompletableFuture<AccessToken> other = inFlight.putIfAbsent(key, mine);
    if (other != null) {
      return joined(other);
    }
    try {
      AccessToken fresh = credential.getTokenSync(request);
      settle(key, mine, fresh, null);
      return fresh;
    } catch (RuntimeException | Error e) {
      settle(key, mine, null, e);
      throw e;
    }
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    String key = key(request);
    if (key == null) {
      return credential.getToken(request);
    }
    return Mono.defer(() -> {
      AccessToken held = tokens.get(key);
      if (usable(held)) {
        return Mono.just(held);
      }
      CompletableFuture<AccessToken> mine = new CompletableFuture<>();
      CompletableFuture<AccessToken> other = inFlight.putIfAbsent(key, mine);
      if (other != null) {
        return Mono.fromFuture(other);
      }
      return credential.getToken(request)
          .doOnNext(fresh -> settle(key, mine, fresh, null))
          .doOnError(e -> settle(key, mine, null, e))
          .doFinally(signal -> settle(key, mine, null,
              new IllegalStateException("The token request ended without a token (" + signal + ")")));
    });
  }

  /**
   * Ends a request: keeps its token, takes it off the requests under way and then tells its waiters, in that
   * order, so that a caller arriving after the outcome asks anew instead of joining a request already over.
   * Only the first outcome counts.
   */
  private void settle(String key, CompletableFuture<AccessToken> mine, AccessToken fresh, Throwable failure) {
    if (mine.isDone()) {
      return;
    }
    if (fresh != null) {
      tokens.put(key, fresh);
    }
    inFlight.remove(key, mine);
    if (failure == null) {
      mine.complete(fresh);
    } else {
      mine.completeExceptionally(failure);
    }
  }

  /** The token another thread's request for the same scopes got, or its failure as it was. */
  private static AccessToken joined(CompletableFuture<AccessToken> other) {
    try {
      return other.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static boolean usable(AccessToken token) {
    return token != null && token.getExpiresAt() != null
        && token.getExpiresAt().isAfter(OffsetDateTime.now().plus(MARGIN));
  }

  /** Scopes and tenant; null (not cached) for a claims challenge. */
  private String key(TokenRequestContext request) {
    if (request.getClaims() != null && !request.getClaims().isBlank()) {
      return null;
    }
    return String.join(" ", request.getScopes()) + "|" + (request.getTenantId() == null ? tenant : request.getTenantId());
  }
}
