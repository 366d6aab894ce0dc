package dev.jitelevate.core;

import dev.jitelevate.core.internal.lifecycle.ElevatorConfig;
import dev.jitelevate.core.internal.lifecycle.LifecycleElevator;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.OkHttpClient;

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
  OkHttpClient httpClient;
  Proxy proxy;
  boolean replaceSdkSharedExecutor;

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
   * The HTTP client every call of the elevations goes through (ARM and Key Vault through azure-core's OkHttp
   * adapter, Microsoft Graph directly, and {@link OperationContext#httpClient()}), like the Azure SDK's
   * {@code ClientBuilder.httpClient}: set its proxy, trust, timeouts or interceptors. It is used as it is; derive
   * it from {@link CloudHttp#okHttp(CloudProfile)} ({@code newBuilder()}) to keep the shared pool and the
   * profile's CA. The credentials make their own token calls (pass {@code httpClient} to the azure-identity
   * builder behind {@link Credentials#of}). By default the process's shared stack for the cloud.
   */
  public ElevatorBuilder httpClient(OkHttpClient value) {
    this.httpClient = Objects.requireNonNull(value);
    return this;
  }

  /**
   * A proxy for every call of the elevations: the default HTTP stack (or the one set with {@link
   * #httpClient(OkHttpClient)}) sending through {@code value}. Without it, the JVM's default {@code ProxySelector}
   * decides.
   */
  public ElevatorBuilder proxy(Proxy value) {
    this.proxy = Objects.requireNonNull(value);
    return this;
  }

  /**
   * Opts in to replacing azure-core's process-wide {@code SharedExecutorService} with one of jit-elevate's, so
   * the revoke from the shutdown hook (SIGTERM) can still use the SDK: azure-core's own executor refuses work
   * once the JVM is shutting down. This changes global state for the whole JVM, once, so only an application
   * that owns its process should turn it on (the CLI and the action do); off by default, where a revoke during
   * JVM shutdown may fail and the elevation then ends at its expiry.
   */
  public ElevatorBuilder replaceSdkSharedExecutor(boolean value) {
    this.replaceSdkSharedExecutor = value;
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
        () -> ThreadLocalRandom.current().nextDouble(), maxAccessTokenLifetime, Optional.ofNullable(stepUp),
        http(), replaceSdkSharedExecutor));
  }

  private Optional<OkHttpClient> http() {
    if (proxy == null) {
      return Optional.ofNullable(httpClient);
    }
    OkHttpClient base = httpClient != null ? httpClient : CloudHttp.okHttp(cloud);
    return Optional.of(base.newBuilder().proxy(proxy).build());
  }
}
