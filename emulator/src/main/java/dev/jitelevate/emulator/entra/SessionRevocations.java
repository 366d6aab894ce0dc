package dev.jitelevate.emulator.entra;

import dev.jitelevate.emulator.kernel.SignInSessions;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The users whose sign-in sessions were revoked, and since when their earlier refresh tokens are refused. */
final class SessionRevocations implements SignInSessions {
  private final Map<String, Instant> validFrom = new ConcurrentHashMap<>();

  @Override
  public void revoke(String userId, Instant at) {
    validFrom.merge(userId.toLowerCase(Locale.ROOT), at, (a, b) -> a.isAfter(b) ? a : b);
  }

  @Override
  public Optional<Instant> validFrom(String userId) {
    return Optional.ofNullable(validFrom.get(userId.toLowerCase(Locale.ROOT)));
  }

  void clear() {
    validFrom.clear();
  }
}
