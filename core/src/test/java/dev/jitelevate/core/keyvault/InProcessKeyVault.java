package dev.jitelevate.core.keyvault;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.emulator.keyvault.KeyVaultSurface;
import dev.jitelevate.emulator.kernel.AccessEvaluator;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.EmulatorClock;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Group;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Principal;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.kernel.TokenValidator;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The emulator's Key Vault surface served in-process: an azure-core {@link HttpClient} hands the SDK's requests
 * straight to {@link KeyVaultSurface#handle}, with fakes for what the Entra and ARM surfaces provide (tokens
 * {@code kv:{oid}}, role grants that become effective after the propagation delay of the emulator's clock).
 * Every request is journaled (method, path, status) like the emulator's admin journal.
 */
final class InProcessKeyVault {
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String SUB = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String ROTATOR = "c1c1c1c1-0000-4000-8000-000000000001";
  static final String BASE = "https://127.0.0.1:9/";

  /** One journaled request. */
  record Call(String method, String path, int status) {}

  final EmulatorClock clock = new EmulatorClock(Clock.systemUTC());
  final EmulatorContext context = new EmulatorContext(clock, Hazards.none());
  final KeyVaultSurface surface;
  final List<Call> journal = new CopyOnWriteArrayList<>();
  private final Map<String, Instant> grants = new ConcurrentHashMap<>();

  InProcessKeyVault() {
    context.baseUrl(BASE);
    context.register(TokenValidator.class, (token, audiences) -> token.startsWith("kv:")
        ? Optional.of(new Caller(token.substring(3), ROTATOR, true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            clock.now()))
        : Optional.empty());
    context.register(AccessEvaluator.class, new Grants());
    context.register(Directory.class, new TenantOnly());
    surface = new KeyVaultSurface(context);
    surface.load(new Scenario(Json.parse(("{\"vaults\":[{\"name\":\"kv-jit-demo\",\"subscriptionId\":\"" + SUB
        + "\",\"resourceGroup\":\"rg-app\",\"location\":\"westeurope\",\"secrets\":["
        + "{\"name\":\"db-password\",\"value\":\"seed-db-password-1f7c\",\"contentType\":\"text/plain\","
        + "\"tags\":{\"owner\":\"payments\"}},{\"name\":\"api-key\",\"value\":\"seed-api-key-9b2e\"},"
        + "{\"name\":\"retired\",\"value\":\"seed-retired-77aa\",\"enabled\":false}]}]}")
        .getBytes(StandardCharsets.UTF_8))));
  }

  /** Grants the rotator the vault's data actions from now; effective after the propagation delay. */
  InProcessKeyVault grantNow() {
    grants.put(ROTATOR, clock.now());
    return this;
  }

  InProcessKeyVault propagationDelay(Duration delay) {
    context.hazards(context.hazards().withPropagationDelay(delay));
    return this;
  }

  /** A cloud profile whose vault URLs point at this in-process vault. */
  CloudProfile cloud() {
    return new CloudProfile("jit-emulator", URI.create(BASE), URI.create(BASE), BASE, URI.create(BASE), BASE,
        "https://vault.azure.net", BASE + "kv/{vault}/", Optional.empty(), Optional.of(TENANT));
  }

  /** A credential for the rotator identity. */
  TokenCredential credential() {
    return request -> Mono.just(new AccessToken("kv:" + ROTATOR, OffsetDateTime.now().plusHours(1)));
  }

  HttpClient httpClient() {
    return request -> Mono.fromCallable(() -> serve(request));
  }

  /** Reads a secret's latest value straight from the surface (test assertions only). */
  String latestValue(String name) {
    EmulatorResponse response = surface.handle(request("GET", "/kv/kv-jit-demo/secrets/" + name, Map.of("api-version",
        List.of("7.5")), Map.of("Authorization", List.of("Bearer kv:" + ROTATOR)), null));
    return response.status() == 200 ? Json.text(response.bodyJson(), "value") : "HTTP " + response.status();
  }

  /** The versions of a secret as the surface lists them (oldest first), as JSON items. */
  List<com.fasterxml.jackson.databind.JsonNode> versions(String name) {
    EmulatorResponse response = surface.handle(request("GET", "/kv/kv-jit-demo/secrets/" + name + "/versions",
        Map.of("api-version", List.of("7.5")), Map.of("Authorization", List.of("Bearer kv:" + ROTATOR)), null));
    List<com.fasterxml.jackson.databind.JsonNode> items = new java.util.ArrayList<>();
    response.bodyJson().get("value").forEach(items::add);
    return items;
  }

  private HttpResponse serve(HttpRequest request) {
    URI uri = URI.create(request.getUrl().toString());
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(decode(kv[0]), List.of(kv.length > 1 ? decode(kv[1]) : ""));
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.getHeaders().forEach(h -> headers.put(h.getName(), List.of(h.getValue())));
    BinaryData body = request.getBodyAsBinaryData();
    EmulatorRequest emulated = request(request.getHttpMethod().name(), uri.getPath().replaceAll("/{2,}", "/"), query, headers,
        body == null ? null : body.toBytes());
    EmulatorResponse response = surface.owns(emulated) ? surface.handle(emulated)
        : EmulatorResponse.json(404, Json.object().put("error", "not a Key Vault path"));
    journal.add(new Call(emulated.method(), emulated.path(), response.status()));
    HttpHeaders responseHeaders = new HttpHeaders();
    response.headers().forEach(responseHeaders::set);
    responseHeaders.set("x-ms-request-id", emulated.requestId());
    return new BytesResponse(request, response.status(), responseHeaders, response.body());
  }

  private static EmulatorRequest request(String method, String path, Map<String, List<String>> query,
      Map<String, List<String>> headers, byte[] body) {
    return new EmulatorRequest(method, path, path, query, headers, body, UUID.randomUUID().toString());
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private final class Grants implements AccessEvaluator {
    @Override
    public boolean allowsAction(String principalId, String scope, String action) {
      return false;
    }

    @Override
    public boolean allowsDataAction(String principalId, String scope, String dataAction) {
      Instant granted = grants.get(principalId);
      return granted != null && !clock.now().isBefore(granted.plus(context.hazards().propagationDelay()));
    }
  }

  private static final class TenantOnly implements Directory {
    @Override
    public String tenantId() {
      return TENANT;
    }

    @Override
    public Optional<Principal> principal(String objectId) {
      return Optional.empty();
    }

    @Override
    public Optional<Principal> principalByAppId(String appId) {
      return Optional.empty();
    }

    @Override
    public List<Principal> principals() {
      return List.of();
    }

    @Override
    public Optional<Group> group(String objectId) {
      return Optional.empty();
    }

    @Override
    public List<Group> groups() {
      return List.of();
    }
  }

  static final class BytesResponse extends HttpResponse {
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    BytesResponse(HttpRequest request, int status, HttpHeaders headers, byte[] body) {
      super(request);
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    @Deprecated
    public String getHeaderValue(String name) {
      return headers.getValue(name);
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return Flux.just(ByteBuffer.wrap(body));
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return Mono.just(body);
    }

    @Override
    public Mono<String> getBodyAsString() {
      return Mono.just(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return Mono.just(new String(body, charset));
    }
  }
}
