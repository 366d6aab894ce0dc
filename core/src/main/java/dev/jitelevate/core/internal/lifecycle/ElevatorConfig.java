package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.Sleeper;
import dev.jitelevate.core.StepUp;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;

/**
 * Everything an elevator is configured with ({@link dev.jitelevate.core.ElevatorBuilder} fills it).
 *
 * @param random the source of jitter, 0 (inclusive) to 1 (exclusive)
 * @param maxAccessTokenLifetime the longest an access token lives in the tenant: how long access may outlive
 *     the elevation
 * @param stepUp how to step a person up for an authentication context, when the runner can
 * @param http the HTTP stack the surfaces and the operation use; empty: the process's shared one for the cloud
 * @param replaceSdkExecutor whether arming the shutdown hook replaces azure-core's process-wide shared executor
 *     (an application that owns the process opts in; a library user's elevator never does it)
 */
public record ElevatorConfig(CloudProfile cloud, Optional<String> tenantId, CredentialSource identity,
    Optional<CredentialSource> broker, ElevationListener listener, Clock clock, PollingPolicy polling,
    Sleeper sleeper, DoubleSupplier random, Duration maxAccessTokenLifetime, Optional<StepUp> stepUp,
    Optional<OkHttpClient> http, boolean replaceSdkExecutor) {
  /** A configuration on the shared HTTP stack that leaves azure-core's executor alone. */
  public ElevatorConfig(CloudProfile cloud, Optional<String> tenantId, CredentialSource identity,
      Optional<CredentialSource> broker, ElevationListener listener, Clock clock, PollingPolicy polling,
      Sleeper sleeper, DoubleSupplier random, Duration maxAccessTokenLifetime, Optional<StepUp> stepUp) {
    this(cloud, tenantId, identity, broker, listener, clock, polling, sleeper, random, maxAccessTokenLifetime,
        stepUp, Optional.empty(), false);
  }

  /** A configuration without step-up. */
  public ElevatorConfig(CloudProfile cloud, Optional<String> tenantId, CredentialSource identity,
      Optional<CredentialSource> broker, ElevationListener listener, Clock clock, PollingPolicy polling,
      Sleeper sleeper, DoubleSupplier random, Duration maxAccessTokenLifetime) {
    this(cloud, tenantId, identity, broker, listener, clock, polling, sleeper, random, maxAccessTokenLifetime,
        Optional.empty());
  }

  /** A configuration with the default maximum access-token lifetime (90 minutes). */
  public ElevatorConfig(CloudProfile cloud, Optional<String> tenantId, CredentialSource identity,
      Optional<CredentialSource> broker, ElevationListener listener, Clock clock, PollingPolicy polling,
      Sleeper sleeper, DoubleSupplier random) {
    this(cloud, tenantId, identity, broker, listener, clock, polling, sleeper, random,
        ActivationRecord.Exposure.DEFAULT_MAX_ACCESS_TOKEN_LIFETIME);
  }

  public ElevatorConfig {
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(polling, "polling");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(maxAccessTokenLifetime, "maxAccessTokenLifetime");
    Objects.requireNonNull(stepUp, "stepUp");
    Objects.requireNonNull(http, "http");
  }

  /** This configuration with another elevated identity. */
  public ElevatorConfig withIdentity(CredentialSource value) {
    return new ElevatorConfig(cloud, tenantId, value, broker, listener, clock, polling, sleeper, random,
        maxAccessTokenLifetime, stepUp, http, replaceSdkExecutor);
  }

  /** This configuration with another listener. */
  public ElevatorConfig withListener(ElevationListener value) {
    return new ElevatorConfig(cloud, tenantId, identity, broker, value, clock, polling, sleeper, random,
        maxAccessTokenLifetime, stepUp, http, replaceSdkExecutor);
  }
}
