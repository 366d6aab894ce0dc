package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How long access may outlive an elevation: the tenant's longest access-token lifetime. */
public final class ExposureOptions {
  @Option(names = "--max-token-lifetime", paramLabel = "DURATION", defaultValue = "90m", converter = Lifetime.class,
      description = "The longest an access token lives in your tenant (default 90m; more with a token lifetime policy "
          + "or continuous access evaluation). Tokens issued while elevated stay valid until they expire: the record "
          + "says until when access may persist.")
  Duration maxTokenLifetime = ActivationRecord.Exposure.DEFAULT_MAX_ACCESS_TOKEN_LIFETIME;

  @Option(names = "--revoke-sessions", description = "After the revoke, revoke the user's sign-in sessions (Graph "
      + "revokeSignInSessions): refresh tokens issued before are refused. Access tokens already issued stay valid until "
      + "they expire, so the exposure time stands. For user principals; an app needs User.RevokeSessions.All.")
  boolean revokeSessions;

  public boolean revokeSessions() {
    return revokeSessions;
  }

  public Duration maxTokenLifetime() {
    return maxTokenLifetime;
  }

  /** A positive duration: {@code 90m}, {@code 1h}, {@code PT2H}. */
  static final class Lifetime implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d;
      try {
        d = Durations.parse("--max-token-lifetime", value);
      } catch (RuntimeException e) {
        throw new TypeConversionException(e.getMessage());
      }
      if (d.isZero() || d.isNegative()) {
        throw new TypeConversionException("The maximum token lifetime must be longer than 0; use e.g. 90m.");
      }
      return d;
    }
  }
}
