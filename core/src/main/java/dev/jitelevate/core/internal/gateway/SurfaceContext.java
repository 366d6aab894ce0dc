package dev.jitelevate.core.internal.gateway;

import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.Sleeper;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;

/**
 * What a surface gets from the lifecycle when it is opened for one run.
 *
 * @param cloud the endpoints and audiences to use
 * @param tenantId the tenant, when configured
 * @param clock the clock for timestamps and Retry-After arithmetic
 * @param sleeper how to wait between transient retries (never sleep otherwise)
 * @param polling the retry budget ({@link PollingPolicy#maxRetries()}) for transient failures
 * @param events where to emit {@code Retrying} events for transient retries (429, 5xx, resets)
 * @param apiCalls told about every HTTP call made, for the record's count
 * @param random the jitter source for transient retries, 0 (inclusive) to 1 (exclusive)
 * @param http the HTTP stack the caller supplied ({@code ElevatorBuilder.httpClient}) for every call; empty:
 *     the process's shared stack for the cloud
 */
public record SurfaceContext(CloudProfile cloud, Optional<String> tenantId, Clock clock, Sleeper sleeper,
    PollingPolicy polling, ElevationListener events, Consumer<ApiCall> apiCalls, DoubleSupplier random,
    Optional<OkHttpClient> http) {

  /** A context on the process's shared HTTP stack. */
  public SurfaceContext(CloudProfile cloud, Optional<String> tenantId, Clock clock, Sleeper sleeper,
      PollingPolicy polling, ElevationListener events, Consumer<ApiCall> apiCalls, DoubleSupplier random) {
    this(cloud, tenantId, clock, sleeper, polling, events, apiCalls, random, Optional.empty());
  }

  /** A context whose transient retries jitter with {@link ThreadLocalRandom}. */
  public SurfaceContext(CloudProfile cloud, Optional<String> tenantId, Clock clock, Sleeper sleeper,
      PollingPolicy polling, ElevationListener events, Consumer<ApiCall> apiCalls) {
    this(cloud, tenantId, clock, sleeper, polling, events, apiCalls, () -> ThreadLocalRandom.current().nextDouble());
  }

  public SurfaceContext {
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(polling, "polling");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(apiCalls, "apiCalls");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(http, "http");
  }
}
