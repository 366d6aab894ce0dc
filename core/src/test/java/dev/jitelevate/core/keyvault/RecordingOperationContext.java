package dev.jitelevate.core.keyvault;

import com.azure.core.http.HttpClient;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.OperationContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@link OperationContext} for driving an operation without the lifecycle; it records notes and emits events. */
final class RecordingOperationContext implements OperationContext {
  static final String REQUEST_ID = "5b7c2a10-0000-4000-8000-00000000e1e1";
  private final CloudProfile cloud;
  private final HttpClient http;
  private final CredentialSource credentials;
  private final ElevationListener listener;
  private final boolean dryRun;
  private final ElevationRequest request;
  final Map<String, Object> notes = new LinkedHashMap<>();
  HttpClient httpClient;

  RecordingOperationContext(InProcessKeyVault vault, ElevationListener listener, boolean dryRun) {
    this(vault.cloud(), vault.httpClient(), vault::credential, listener, dryRun);
  }

  RecordingOperationContext(CloudProfile cloud, HttpClient http, CredentialSource credentials, ElevationListener listener,
      boolean dryRun) {
    this.cloud = cloud;
    this.http = http;
    this.credentials = credentials;
    this.listener = listener;
    this.dryRun = dryRun;
    this.request = ElevationRequest.builder()
        .azureRole("Key Vault Secrets Officer", "/subscriptions/" + InProcessKeyVault.SUB + "/resourceGroups/rg-app")
        .justification("rotate secrets").label("github.run_id", "987654321").dryRun(dryRun).build();
  }

  @Override
  public CredentialSource credentials() {
    return credentials;
  }

  @Override
  public CloudProfile cloud() {
    return cloud;
  }

  @Override
  public HttpClient httpClient() {
    return httpClient != null ? httpClient : http;
  }

  @Override
  public ElevationRequest request() {
    return request;
  }

  @Override
  public String elevationRequestId() {
    return dryRun ? "" : REQUEST_ID;
  }

  @Override
  public boolean dryRun() {
    return dryRun;
  }

  @Override
  public void emit(ElevationEvent event) {
    listener.on(event);
  }

  @Override
  public void registerSecret(String value) {
    listener.on(new ElevationEvent.SecretRegistered(clock().instant(), value));
  }

  @Override
  public synchronized void note(String key, Object value) {
    notes.put(key, value);
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }
}
