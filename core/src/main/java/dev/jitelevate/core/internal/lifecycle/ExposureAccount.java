package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Exposure;
import dev.jitelevate.core.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Works out a record's {@code exposure} section: until when access may outlive the elevation, because access
 * tokens issued while it was active stay valid until their {@code exp} (Entra: 60 to 90 minutes, longer with
 * continuous access evaluation) whatever the revocation did. Counts the tokens this run obtained for the
 * elevated identity (and those of the process whose record it continues), never keeping one.
 */
final class ExposureAccount {
  private final IssuedTokens tokens;
  private final Duration maxAccessTokenLifetime;
  private final Optional<Exposure> inherited;

  /**
   * @param inherited the section of the record this run continues (the post step continues the main step's)
   */
  ExposureAccount(IssuedTokens tokens, Duration maxAccessTokenLifetime, Optional<Exposure> inherited) {
    this.tokens = tokens;
    this.maxAccessTokenLifetime = maxAccessTokenLifetime;
    this.inherited = inherited;
  }

  /**
   * The section for the record as it stands: empty when nothing of this run became active or the access existed
   * before it, or when neither the start nor the end of access is known yet.
   */
  Optional<Exposure> of(ActivationRecord r) {
    ActivationRecord.RevocationStatus status = r.revocation().status();
    if (status == ActivationRecord.RevocationStatus.NOT_CREATED || status == ActivationRecord.RevocationStatus.PRE_EXISTING) {
      return Optional.empty();
    }
    Optional<Instant> start = r.accessStart();
    Optional<Instant> end = r.accessEnd();
    if (start.isEmpty() || end.isEmpty()) {
      return inherited;
    }
    IssuedTokens.Count own = tokens.between(start.get(), end.get());
    int count = own.count() + inherited.map(Exposure::tokensIssued).orElse(0);
    Optional<Instant> latest = later(own.latestExpiry(), inherited.flatMap(Exposure::latestTokenExpiry));
    Instant byLifetime = end.get().plus(maxAccessTokenLifetime);
    Instant until = latest.filter(exp -> exp.isAfter(byLifetime)).orElse(byLifetime);
    return Optional.of(new Exposure(count, latest, maxAccessTokenLifetime, until,
        explanation(status, end.get(), count, latest)));
  }

  private String explanation(ActivationRecord.RevocationStatus status, Instant end, int count, Optional<Instant> latest) {
    String ended = status == ActivationRecord.RevocationStatus.REVOKED ? "revoked at " + end : "active until " + end;
    String own = count == 0 ? "this run obtained no access token for the elevated identity while it was active"
        : "this run obtained " + count + " access token" + (count == 1 ? "" : "s")
            + " for the elevated identity while it was active, the last expiring at " + latest.orElseThrow();
    return "Access tokens issued while the elevation was active stay valid until they expire: it was " + ended
        + ", " + own + ", and any token issued before then may work for up to " + Durations.format(maxAccessTokenLifetime)
        + " (the maximum access-token lifetime).";
  }

  private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.filter(x -> x.isAfter(a.get())).or(() -> a);
  }
}
