package dev.jitelevate.runner.action;

import com.azure.core.http.HttpClient;
import dev.jitelevate.core.AccessProbe;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.OperationContext;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Performs an operation under an elevation the action keeps after the main step (revoke: post or expire):
 * waits for the operation's probe, runs it, and returns its record; a failure is in the record and the result,
 * the elevation stays for the post step to revoke.
 */
final class HeldOperation implements OperationContext {
  private static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);

  private final ActiveElevation elevation;
  private final ElevationRequest request;
  private final CloudProfile cloud;
  private final ElevationListener listener;
  private final Clock clock;
  private final Map<String, Object> notes = new LinkedHashMap<>();

  /** The record after the operation, and its failure if it failed. */
  record Result(dev.jitelevate.core.ActivationRecord record, Optional<ElevationException> failure) {}

  HeldOperation(ActiveElevation elevation, ElevationRequest request, CloudProfile cloud, ElevationListener listener,
      Clock clock) {
    this.elevation = elevation;
    this.request = request;
    this.cloud = cloud;
    this.listener = listener;
    this.clock = clock;
  }

  Result perform(PrivilegedOperation operation) {
    Instant started = clock.instant();
    Optional<ElevationException> failure = Optional.empty();
    emit(new ElevationEvent.StepStarted(started, "perform", operation.name()));
    try {
      awaitProbe(operation);
      operation.perform(this);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = Optional.of(new ElevationException(FailureKind.INTERRUPTED, "Interrupted during " + operation.name() + "."));
    } catch (ElevationException e) {
      failure = Optional.of(e.kind() == FailureKind.TIMED_OUT ? e : new ElevationException(FailureKind.OPERATION_FAILED,
          "The operation '" + operation.name() + "' failed: " + e.getMessage(), e.azureErrorCode().orElse(null),
          e.azureRequestId().orElse(null), e.httpStatus(), e));
    } catch (Exception e) {
      failure = Optional.of(new ElevationException(FailureKind.OPERATION_FAILED, "The operation '" + operation.name()
          + "' failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, null, 0, e));
    }
    Instant ended = clock.instant();
    emit(new ElevationEvent.StepFinished(ended, "perform", Duration.between(started, ended), failure.isEmpty(),
        failure.map(Throwable::getMessage).orElse(operation.name())));
    var record = Records.withOperation(elevation.record(), operation.name(), notes, started, ended);
    return new Result(failure.map(f -> Records.withFailure(record, f)).orElse(record), failure);
  }

  private void awaitProbe(PrivilegedOperation operation) throws InterruptedException {
    Optional<AccessProbe> probe = operation.probe(this);
    if (probe.isEmpty()) {
      return;
    }
    Instant start = clock.instant();
    Instant deadline = start.plus(request.propagationTimeout());
    while (probe.get().check(this) != AccessProbe.Result.EFFECTIVE) {
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw new ElevationException(FailureKind.TIMED_OUT, "The access for '" + operation.name() + "' did not work"
            + " within the propagation timeout " + request.propagationTimeout() + ".");
      }
      emit(new ElevationEvent.Waiting(now, "verify", "the operation's probe is refused", Duration.between(start, now), deadline));
      Thread.sleep(PROBE_INTERVAL.toMillis());
    }
  }

  @Override
  public CredentialSource credentials() {
    return elevation.elevatedIdentity();
  }

  @Override
  public CloudProfile cloud() {
    return cloud;
  }

  @Override
  public HttpClient httpClient() {
    return SdkHttp.forCloud(cloud).azureHttpClient();
  }

  @Override
  public ElevationRequest request() {
    return request;
  }

  @Override
  public String elevationRequestId() {
    String id = elevation.handle().requestId();
    return id == null ? "" : id;
  }

  @Override
  public boolean dryRun() {
    return request.dryRun();
  }

  @Override
  public void emit(ElevationEvent event) {
    listener.on(event);
  }

  @Override
  public void registerSecret(String value) {
    if (value != null && !value.isEmpty()) {
      listener.on(new ElevationEvent.SecretRegistered(clock.instant(), value));
    }
  }

  @Override
  public synchronized void note(String key, Object value) {
    if (key != null && value != null) {
      notes.put(key, value);
    }
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
