package dev.jitelevate.core.internal.lifecycle;

import com.azure.core.http.HttpClient;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.OperationContext;
import java.time.Clock;
import java.util.function.Supplier;

/** What the operation (and its probe) sees of the run. */
final class LifecycleOperationContext implements OperationContext {
  private final Run run;
  private final Supplier<HttpClient> httpClient;

  LifecycleOperationContext(Run run, Supplier<HttpClient> httpClient) {
    this.run = run;
    this.httpClient = httpClient;
  }

  @Override
  public CredentialSource credentials() {
    return run.config.identity();
  }

  @Override
  public CloudProfile cloud() {
    return run.config.cloud();
  }

  @Override
  public HttpClient httpClient() {
    return httpClient.get();
  }

  @Override
  public ElevationRequest request() {
    return run.request;
  }

  @Override
  public String elevationRequestId() {
    return run.requestId == null ? "" : run.requestId;
  }

  @Override
  public boolean dryRun() {
    return run.request.dryRun();
  }

  @Override
  public void emit(ElevationEvent event) {
    run.events.on(event);
  }

  @Override
  public void registerSecret(String value) {
    if (value != null && !value.isEmpty()) {
      run.events.on(new ElevationEvent.SecretRegistered(run.now(), value));
    }
  }

  @Override
  public void note(String key, Object value) {
    run.record.note(key, value);
  }

  @Override
  public void result(java.util.Map<String, Object> result) {
    run.record.result(result);
    run.record.counts(run.events.retries(), run.events.apiCalls());
    run.events.on(new ElevationEvent.OperationProgress(run.now(), run.record.build()));
  }

  @Override
  public Clock clock() {
    return run.clock();
  }
}
