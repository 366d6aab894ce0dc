package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.keyvault.StaleSecret.Kind;
import dev.jitelevate.core.keyvault.StaleSecret.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Why a secret is stale under a policy, as sentences people can act on. */
final class StaleReasons {
  private StaleReasons() {}

  static List<Reason> of(Instant created, Optional<Instant> expires, StalenessPolicy policy, Instant now) {
    List<Reason> reasons = new ArrayList<>();
    expires.ifPresent(exp -> {
      if (!exp.isAfter(now)) {
        reasons.add(new Reason(Kind.EXPIRED, "expired " + days(Duration.between(exp, now)) + " ago (" + day(exp) + ")"));
      } else if (!exp.isAfter(now.plus(policy.expiringWithin()))) {
        reasons.add(new Reason(Kind.EXPIRING_SOON, "expires in " + days(Duration.between(now, exp)) + " (" + day(exp)
            + "), within " + days(policy.expiringWithin())));
      }
    });
    Duration age = Duration.between(created, now);
    if (age.compareTo(policy.maxAge()) > 0) {
      reasons.add(new Reason(Kind.OLDER_THAN_MAX_AGE, "last rotated " + days(age) + " ago (" + day(created)
          + "), more than " + days(policy.maxAge())));
    }
    return reasons;
  }

  private static String days(Duration d) {
    long days = d.toDays();
    if (days >= 1) {
      return days + (days == 1 ? " day" : " days");
    }
    long hours = d.toHours();
    return hours + (hours == 1 ? " hour" : " hours");
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
