package dev.jitelevate.emulator.keyvault;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drives the Key Vault surface directly with {@link EmulatorRequest}s, with fakes for the services other
 * surfaces provide: tokens are looked up in a map, RBAC is a set of granted (principal, data action) pairs.
 */
final class KvBench {
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String SUB = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String BASE = "https://127.0.0.1:8443/";
  static final String OFFICER_TOKEN = "token-officer";
  static final String READER_TOKEN = "token-reader";
  static final Caller OFFICER = caller("a11ce000-0000-4000-8000-000000000001");
  static final Caller READER = caller("c1c1c1c1-0000-4000-8000-000000000001");

  final EmulatorContext context;
  final KeyVaultSurface surface;
  final Set<String> grants = ConcurrentHashMap.newKeySet();
  final List<String> accessChecks = new java.util.concurrent.CopyOnWriteArrayList<>();

  KvBench() {
    this(defaultScenario());
  }

  KvBench(Scenario scenario) {
    context = new EmulatorContext(new EmulatorClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)),
        Hazards.none());
    context.baseUrl(BASE);
    Map<String, Caller> tokens = Map.of(OFFICER_TOKEN, OFFICER, READER_TOKEN, READER);
    context.register(TokenValidator.class, (token, audiences) ->
        audiences.contains("https://vault.azure.net") ? Optional.ofNullable(tokens.get(token)) : Optional.empty());
    context.register(AccessEvaluator.class, new AccessEvaluator() {
      @Override
      public boolean allowsAction(String principalId, String scope, String action) {
        return false;
      }

      @Override
      public boolean allowsDataAction(String principalId, String scope, String dataAction) {
        accessChecks.add(scope + " " + dataAction);
        return grants.contains(principalId + " " + dataAction) || grants.contains(principalId + " *");
      }
    });
    context.register(Directory.class, new FakeDirectory());
    surface = new KeyVaultSurface(context);
    surface.load(scenario);
    grants.add(OFFICER.objectId() + " *");
  }

  static Scenario defaultScenario() {
    return new Scenario(Json.parse(("{\"subscriptions\":[{\"id\":\"" + SUB + "\",\"resourceGroups\":[{\"name\":\"rg-app\","
        + "\"location\":\"westeurope\"}]}],\"vaults\":[{\"name\":\"kv-jit-demo\",\"subscriptionId\":\"" + SUB + "\","
        + "\"resourceGroup\":\"rg-app\",\"secrets\":[{\"name\":\"db-password\",\"value\":\"seed-db-value\","
        + "\"contentType\":\"text/plain\"},{\"name\":\"api-key\",\"value\":\"seed-api-value\"}]},"
        + "{\"name\":\"myvault\",\"subscriptionId\":\"" + SUB + "\",\"resourceGroup\":\"rg-app\"},"
        + "{\"name\":\"someakv\",\"subscriptionId\":\"" + SUB + "\",\"resourceGroup\":\"rg-app\"},"
        + "{\"name\":\"keyvault_name\",\"subscriptionId\":\"" + SUB + "\",\"resourceGroup\":\"rg-app\"}]}")
        .getBytes(StandardCharsets.UTF_8)));
  }

  static Caller caller(String oid) {
    return new Caller(oid, UUID.nameUUIDFromBytes(oid.getBytes(StandardCharsets.UTF_8)).toString(), false, Set.of(),
        Set.of(), Set.of(), Set.of(), Set.of(), Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** Sends a request; {@code pathAndQuery} is e.g. {@code /kv/kv-jit-demo/secrets/x?api-version=7.5}. */
  EmulatorResponse send(String method, String pathAndQuery, String token, String body) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        query.put(pair.substring(0, eq), List.of(pair.substring(eq + 1)));
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", List.of("Bearer " + token));
    }
    EmulatorRequest request = new EmulatorRequest(method, path, path, query, headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
    return surface.handle(request);
  }

  EmulatorResponse officer(String method, String pathAndQuery, String body) {
    return send(method, pathAndQuery, OFFICER_TOKEN, body);
  }

  JsonNode ok(String method, String pathAndQuery, String body) {
    EmulatorResponse response = officer(method, pathAndQuery, body);
    if (response.status() != 200) {
      throw new AssertionError("Expected 200, got " + response.status() + ": " + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.bodyJson();
  }

  private static final class FakeDirectory implements Directory {
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

}
