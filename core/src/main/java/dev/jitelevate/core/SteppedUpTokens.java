package dev.jitelevate.core;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * A signed-in person's tokens carrying a claims challenge: the first token per scope is asked for with the
 * claims through one more interactive sign-in of the same account in the same token cache (a silent refresh
 * cannot satisfy an authentication context); later calls reuse it. With CAE on, as {@link FreshTokens} asks, so the request lands
 * in the same MSAL application.
 */
final class SteppedUpTokens implements TokenCredential {
  private final TokenCredential person;
  private final ClaimsChallenge challenge;
  private final Map<List<String>, AccessToken> issued = new ConcurrentHashMap<>();

  SteppedUpTokens(TokenCredential person, ClaimsChallenge challenge) {
    this.person = person;
    this.challenge = challenge;
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromCallable(() -> getTokenSync(request));
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    return issued.computeIfAbsent(List.copyOf(request.getScopes()), scopes -> {
      TokenRequestContext withClaims = new TokenRequestContext().setScopes(request.getScopes())
          .setTenantId(request.getTenantId()).setCaeEnabled(true).setClaims(challenge.claims());
      return person instanceof PersonCredential signIn ? signIn.stepUp(withClaims) : person.getTokenSync(withClaims);
    });
  }
}
