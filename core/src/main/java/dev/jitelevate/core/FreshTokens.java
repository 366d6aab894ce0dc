package dev.jitelevate.core;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * One view of a signed-in person's credential that asks for tokens issued after it was made: the first token
 * per scope carries the claims challenge {@code nbf} (as Azure sends it under continuous access evaluation),
 * so MSAL redeems the refresh token of the same account and cache instead of answering from its cache or
 * prompting again; later calls reuse that token until it nears expiry. Every request is made with CAE on, so
 * all tokens live in the one MSAL application azure-identity keeps for CAE requests.
 */
final class FreshTokens implements TokenCredential {
  private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);
  private final TokenCredential person;
  private final Instant notBefore;
  private final Clock clock;
  private final Map<List<String>, AccessToken> issued = new ConcurrentHashMap<>();

  FreshTokens(TokenCredential person, Clock clock) {
    this.person = person;
    this.clock = clock;
    this.notBefore = clock.instant();
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromCallable(() -> getTokenSync(request));
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    List<String> key = List.copyOf(request.getScopes());
    AccessToken held = issued.get(key);
    if (held != null && request.getClaims() == null
        && held.getExpiresAt().isAfter(OffsetDateTime.now(clock).plus(REFRESH_BEFORE_EXPIRY))) {
      return held;
    }
    TokenRequestContext fresh = new TokenRequestContext().setScopes(request.getScopes())
        .setTenantId(request.getTenantId()).setCaeEnabled(true)
        .setClaims(request.getClaims() != null ? request.getClaims() : notBeforeChallenge());
    AccessToken token = person.getTokenSync(fresh);
    issued.put(key, token);
    return token;
  }

  private String notBeforeChallenge() {
    return "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"" + notBefore.getEpochSecond() + "\"}}}";
  }
}
