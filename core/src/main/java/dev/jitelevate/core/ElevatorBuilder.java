package dev.jitelevate.core;

import dev.jitelevate.core.internal.lifecycle.ElevatorConfig;
import dev.jitelevate.core.internal.lifecycle.LifecycleElevator;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Configures an {@link Elevator}. */
public final class ElevatorBuilder {
  CloudProfile cloud = CloudProfile.azurePublic();
  String tenantId;
  CredentialSource identity;
  CredentialSource broker;
  ElevationListener listener = ElevationListener.none();
  Clock clock = Clock.systemUTC();
  PollingPolicy polling = PollingPolicy.defaults();
  Duration maxAccessTokenLifetime = ActivationRecord.Exposure.DEFAULT_MAX_ACCESS_TOKEN_LIFETIME;
  StepUp stepUp;

  ElevatorBuilder() {}

  /** The cloud; public Azure by default. */
  public ElevatorBuilder cloud(CloudProfile value) { this.cloud = Objects.requireNonNull(value); return this; }

  /** The tenant (directory) id. */
  public ElevatorBuilder tenantId(String value) { this.tenantId = value; return this; }

  /** The identity that is elevated and that performs the operation (and, for self, requests it). */
  public ElevatorBuilder identity(CredentialSource value) { this.identity = value; return this; }

  /** The broker identity that assigns and removes (broker and rbac strategies). */
  public ElevatorBuilder broker(CredentialSource value) { this.broker = value; return this; }

  /**
   * How to step the signed-in person up when a policy requires an authentication context (the self strategy):
   * without one, such an activation fails naming the rule.
   */
  public ElevatorBuilder stepUp(StepUp value) { this.stepUp = Objects.requireNonNull(value); return this; }

  /** Who hears the events. */
  public ElevatorBuilder listener(ElevationListener value) { this.listener = Objects.requireNonNull(value); return this; }

  /** The clock for deadlines and timestamps (tests inject one). */
  public ElevatorBuilder clock(Clock value) { this.clock = Objects.requireNonNull(value); return this; }

  /** How to poll and retry. */
  public ElevatorBuilder polling(PollingPolicy value) { this.polling = Objects.requireNonNull(value); return this; }

  /**
   * The longest an access token lives in the tenant (90 minutes by default; set it for a token lifetime policy or
   * continuous access evaluation): the record says access may persist this long after revocation.
   *
   * @throws IllegalArgumentException when it is not positive
   */
  public ElevatorBuilder maxAccessTokenLifetime(Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("The maximum access-token lifetime must be positive");
    }
    this.maxAccessTokenLifetime = value;
    return this;
  }

  /**
   * Builds the elevator.
   *
   * @throws IllegalStateException when the identity is missing, or no surface implementation is on the class path
   */
  public Elevator build() {
    if (identity == null) {
      throw new IllegalStateException("An identity is required: call identity(...)");
    }
    return LifecycleElevator.create(new ElevatorConfig(cloud, Optional.ofNullable(tenantId), identity,
        Optional.ofNullable(broker), listener, clock, polling, Sleeper.system(),
        () -> ThreadLocalRandom.current().nextDouble(), maxAccessTokenLifetime, Optional.ofNullable(stepUp)));
  }
}
