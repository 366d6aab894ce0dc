package dev.jitelevate.emulator.kernel;

import java.time.Instant;
import java.util.Optional;

/**
 * Each user's {@code signInSessionsValidFromDateTime}: Graph's {@code revokeSignInSessions} moves it to now, and
 * the token endpoint then refuses every refresh token issued before it. Provided by the Entra surface.
 */
public interface SignInSessions {
  /** Invalidates the user's refresh tokens and session cookies issued before {@code at}. */
  void revoke(String userId, Instant at);

  /** The instant before which the user's refresh tokens are refused; empty when never revoked. */
  Optional<Instant> validFrom(String userId);
}
