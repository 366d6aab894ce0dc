package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.InvalidElevationRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * When a secret counts as stale: its current version was written more than {@code maxAge} ago, or it expires
 * within {@code expiringWithin} (or already has).
 */
public record StalenessPolicy(Duration maxAge, Duration expiringWithin) {
  /** 90 days since the last rotation, or expiring within 30 days. */
  public static final StalenessPolicy DEFAULTS = new StalenessPolicy(Duration.ofDays(90), Duration.ofDays(30));

  /** @throws InvalidElevationRequestException when max-age is not positive or expiring-within is negative */
  public StalenessPolicy {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(expiringWithin, "expiringWithin");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new InvalidElevationRequestException("max-age", "The maximum age must be a positive duration.",
          "Pass e.g. --max-age 90d.");
    }
    if (expiringWithin.isNegative()) {
      throw new InvalidElevationRequestException("expiring-within", "The expiry horizon cannot be negative.",
          "Pass e.g. --expiring-within 30d, or 0d to flag only expired secrets.");
    }
  }
}
