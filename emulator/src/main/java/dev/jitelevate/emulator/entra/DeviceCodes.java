package dev.jitelevate.emulator.entra;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outstanding device codes. The emulator has no browser: the sign-in "completes" on its own after the
 * first poll, as the user named by {@code login_hint} or else the scenario's first user.
 */
final class DeviceCodes {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "BCDFGHJKLMNPQRSTVWXZ";
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** A device code waiting to be redeemed. */
  static final class Pending {
    final String clientId;
    final String scope;
    final String userId;
    final Instant expiresAt;
    int polls;
    /** The authentication contexts the sign-in was asked to complete ({@code claims} of the device code request). */
    volatile java.util.Set<String> acrs = java.util.Set.of();

    Pending(String clientId, String scope, String userId, Instant expiresAt) {
      this.clientId = clientId;
      this.scope = scope;
      this.userId = userId;
      this.expiresAt = expiresAt;
    }
  }

  /** Starts a device flow; returns {device_code, user_code}. */
  String[] start(String clientId, String scope, String userId, Instant expiresAt) {
    String deviceCode = "DAQABAAEAAAD" + Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
    StringBuilder userCode = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      userCode.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    pending.put(deviceCode, new Pending(clientId, scope, userId, expiresAt));
    return new String[] {deviceCode, userCode.toString()};
  }

  Optional<Pending> poll(String deviceCode) {
    return Optional.ofNullable(pending.get(deviceCode));
  }

  void redeemed(String deviceCode) {
    pending.remove(deviceCode);
  }

  void clear() {
    pending.clear();
  }
}
