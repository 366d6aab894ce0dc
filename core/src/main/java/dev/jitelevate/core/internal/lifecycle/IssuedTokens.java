package dev.jitelevate.core.internal.lifecycle;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.jitelevate.core.CredentialSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The access tokens a run obtained for the elevated identity: when each was issued and when it expires. A token
 * handed out twice (a credential's cache) counts once; only a digest of it is kept, in memory, to tell.
 * Thread-safe: the operation, the verify step and the shutdown hook all get tokens.
 */
final class IssuedTokens {
  /** One token: when this run got it and its {@code exp}. */
  record Issued(Instant at, Instant expiresAt) {}

  /** The tokens issued in a window: how many, and the latest expiry among them. */
  record Count(int count, Optional<Instant> latestExpiry) {}

  private final Clock clock;
  private final List<Issued> issued = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  IssuedTokens(Clock clock) {
    this.clock = clock;
  }

  /** The same identity, with every token its credentials hand out counted here. */
  CredentialSource watch(CredentialSource identity) {
    return () -> new Watched(identity.newCredential());
  }

  /** The tokens issued from {@code from} to {@code to}, both inclusive. */
  synchronized Count between(Instant from, Instant to) {
    int count = 0;
    Instant latest = null;
    for (Issued i : issued) {
      if (!i.at().isBefore(from) && !i.at().isAfter(to)) {
        count++;
        latest = latest == null || i.expiresAt().isAfter(latest) ? i.expiresAt() : latest;
      }
    }
    return new Count(count, Optional.ofNullable(latest));
  }

  private synchronized void add(AccessToken token) {
    if (token == null || token.getExpiresAt() == null || !seen.add(digest(token.getToken()))) {
      return;
    }
    issued.add(new Issued(clock.instant(), token.getExpiresAt().toInstant()));
  }

  private static String digest(String token) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A credential that reports each token it hands out. */
  private final class Watched implements TokenCredential {
    private final TokenCredential credential;

    Watched(TokenCredential credential) {
      this.credential = credential;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      return credential.getToken(request).doOnNext(IssuedTokens.this::add);
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
      AccessToken token = credential.getTokenSync(request);
      add(token);
      return token;
    }
  }
}
