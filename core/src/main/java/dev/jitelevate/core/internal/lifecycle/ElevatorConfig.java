package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.Sleeper;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Everything an elevator is configured with ({@link dev.jitelevate.core.ElevatorBuilder} fills it).
 *
 * @param random the source of jitter, 0 (inclusive) to 1 (exclusive)
 */
public record ElevatorConfig(CloudProfile cloud, Optional<String> tenantId, CredentialSource identity,
    Optional<CredentialSource> broker, ElevationListener listener, Clock clock, PollingPolicy polling,
    Sleeper sleeper, DoubleSupplier random) {
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
  }
}
