package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.Durations;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.OnConflict;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.RevokePolicy;
import dev.jitelevate.core.Strategy;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the domain types; a bad value becomes one line naming the option and the fix. */
final class Converters {
  private Converters() {}

  private static <T> T convert(String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (InvalidElevationRequestException e) {
      throw new TypeConversionException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** {@code 30m}, {@code 1h30m}, {@code 90s}, {@code PT30M}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Converters.convert(value, v -> Durations.parse("duration", v));
    }
  }

  static final class StrategyConverter implements ITypeConverter<Strategy> {
    @Override
    public Strategy convert(String value) {
      return Converters.convert(value, Strategy::parse);
    }
  }

  static final class AccessConverter implements ITypeConverter<GroupAccess> {
    @Override
    public GroupAccess convert(String value) {
      return Converters.convert(value, GroupAccess::parse);
    }
  }

  static final class AuthConverter implements ITypeConverter<AuthMode> {
    @Override
    public AuthMode convert(String value) {
      return Converters.convert(value, AuthMode::parse);
    }
  }

  static final class TargetConverter implements ITypeConverter<TargetKind> {
    @Override
    public TargetKind convert(String value) {
      return Converters.convert(value, TargetKind::parse);
    }
  }

  static final class PrincipalConverter implements ITypeConverter<PrincipalId> {
    @Override
    public PrincipalId convert(String value) {
      return Converters.convert(value, PrincipalId::of);
    }
  }

  static final class ScopeConverter implements ITypeConverter<ArmScope> {
    @Override
    public ArmScope convert(String value) {
      return Converters.convert(value, ArmScope::parse);
    }
  }

  /** {@code wait} (wait out the 5-minute floor, then revoke) or {@code expire} (leave it to the expiry). */
  static final class OnConflictConverter implements ITypeConverter<OnConflict> {
    @Override
    public OnConflict convert(String value) {
      return Converters.convert(value, OnConflict::parse);
    }
  }

  static final class RevokePolicyConverter implements ITypeConverter<RevokePolicy> {
    @Override
    public RevokePolicy convert(String value) {
      String t = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
      if (t.equals("wait")) {
        return RevokePolicy.WAIT_FOR_MINIMUM;
      }
      if (t.equals("expire")) {
        return RevokePolicy.LEAVE_TO_EXPIRY;
      }
      throw new TypeConversionException("'" + value + "' is not a revoke policy. Use wait or expire.");
    }
  }
}
