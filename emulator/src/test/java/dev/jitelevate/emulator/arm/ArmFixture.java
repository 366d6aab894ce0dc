package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.jitelevate.emulator.testing.ListDirectory;
import dev.jitelevate.emulator.testing.TestRequests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Drives the ARM surface directly with {@link EmulatorRequest}s over a small fake directory and token
 * validator (tokens are the caller's name, e.g. {@code Bearer alice}).
 */
final class ArmFixture {
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String SUB = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String SUB_SCOPE = "/subscriptions/" + SUB;
  static final String RG_APP = SUB_SCOPE + "/resourceGroups/rg-app";
  static final String RG_DATA = SUB_SCOPE + "/resourceGroups/rg-data";
  static final String VAULT = RG_APP + "/providers/Microsoft.KeyVault/vaults/kv-jit-demo";
  static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
  static final String BOB = "b0b00000-0000-4000-8000-000000000002";
  static final String CAROL = "ca201000-0000-4000-8000-000000000003";
  static final String DAVE = "da7e0000-0000-4000-8000-000000000004";
  static final String BROKER = "b0b0b0b0-0000-4000-8000-000000000001";
  static final String CI = "c1c1c1c1-0000-4000-8000-000000000001";
  static final String MANAGED = "e1e1e1e1-0000-4000-8000-000000000001";
  static final String OPS_GROUP = "9a9a9a9a-0000-4000-8000-000000000001";
  static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
  static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
  static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
  static final String KV_SECRETS_OFFICER = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
  static final String KV_SECRETS_USER = "4633458b-17de-408a-b874-0445c86d0e6e";
  static final String KV_READER = "21090545-7ca7-4776-b22c-e363652d74d2";
  static final String PIM = "2020-10-01";
  static final String RBAC = "2022-04-01";

  final EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-01-15T09:00:00Z"), ZoneOffset.UTC));
  final EmulatorContext context = new EmulatorContext(clock, Hazards.none());
  final Map<String, Caller> tokens = new HashMap<>();
  final ArmSurface surface;

  ArmFixture() {
    context.baseUrl("https://127.0.0.1:8443/");
    context.register(Directory.class, directory());
    context.register(TokenValidator.class, (token, audiences) -> Optional.ofNullable(tokens.get(token)));
    user("alice", ALICE, true);
    user("bob", BOB, true);
    user("carol", CAROL, false);
    user("dave", DAVE, true);
    app("broker", BROKER);
    app("ci", CI);
    surface = new ArmSurface(context);
    surface.load(Scenario.classpath("/arm/arm-test-scenario.json"));
  }

  private void user(String token, String id, boolean mfa) {
    tokens.put(token, new Caller(id, "04b07795-8ddb-461a-bbee-02f9e1bf7b46", false, Set.of(), Set.of("user_impersonation"),
        Set.of(), Set.of(), mfa ? Set.of("pwd", "mfa") : Set.of("pwd"), clock.now()));
  }

  private void app(String token, String id) {
    tokens.put(token, new Caller(id, id.replace("0001", "00a1"), true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
        clock.now()));
  }

  void hazards(java.util.function.UnaryOperator<Hazards> change) {
    context.hazards(change.apply(context.hazards()));
  }

  void advance(Duration by) {
    clock.advance(by);
  }

  Reply get(String caller, String pathAndQuery) {
    return send("GET", caller, pathAndQuery, null);
  }

  Reply put(String caller, String pathAndQuery, Object body) {
    return send("PUT", caller, pathAndQuery, body);
  }

  Reply post(String caller, String pathAndQuery, Object body) {
    return send("POST", caller, pathAndQuery, body);
  }

  Reply send(String method, String caller, String pathAndQuery, Object body) {
    return new Reply(surface.handle(request(method, pathAndQuery, TestRequests.bearer(caller), TestRequests.body(body))));
  }

  static EmulatorRequest request(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    String path = TestRequests.path(pathAndQuery);
    Map<String, List<String>> query = TestRequests.query(pathAndQuery);
    return new EmulatorRequest(method, path.replaceAll("/{2,}", "/"), path, query, headers, body, UUID.randomUUID().toString());
  }

  /** A PIM schedule request body. */
  static JsonNode scheduleRequest(String principal, String role, String type, String duration, String justification) {
    var p = Json.object();
    var props = p.putObject("properties");
    props.put("principalId", principal).put("roleDefinitionId", SUB_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions/" + role)
        .put("requestType", type);
    if (duration != null) {
      props.putObject("scheduleInfo").putObject("expiration").put("type", "AfterDuration").put("duration", duration);
    }
    if (justification != null) {
      props.put("justification", justification);
    }
    return p;
  }

  static String requests(String scope, String name) {
    return scope + "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/" + name + "?api-version=" + PIM;
  }

  static String newName() {
    return UUID.randomUUID().toString();
  }

  /** A response with convenient accessors. */
  record Reply(EmulatorResponse response) {
    int status() {
      return response.status();
    }

    JsonNode json() {
      return response.bodyJson();
    }

    String code() {
      return json().path("error").path("code").asText();
    }

    String message() {
      return json().path("error").path("message").asText();
    }

    String prop(String field) {
      return json().path("properties").path(field).asText(null);
    }

    @Override
    public String toString() {
      return response.status() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }
  }

  private static Directory directory() {
    return new ListDirectory(TENANT, List.of(
        new Principal(ALICE, "User", "Alice", null, "alice@contoso-emu.onmicrosoft.com", Set.of(), true),
        new Principal(BOB, "User", "Bob", null, "bob@contoso-emu.onmicrosoft.com", Set.of(), true),
        new Principal(CAROL, "User", "Carol", null, "carol@contoso-emu.onmicrosoft.com", Set.of(), false),
        new Principal(DAVE, "User", "Dave", null, "dave@contoso-emu.onmicrosoft.com", Set.of(), true),
        new Principal(BROKER, "ServicePrincipal", "jit-broker", "b0b0b0b0-0000-4000-8000-0000000000a1", null, Set.of(), false),
        new Principal(CI, "ServicePrincipal", "ci-deployer", "c1c1c1c1-0000-4000-8000-0000000000a1", null, Set.of(), false),
        new Principal(MANAGED, "ManagedIdentity", "uami-deploy", "e1e1e1e1-0000-4000-8000-0000000000a1", null, Set.of(), false)),
        List.of(new Group(OPS_GROUP, "grp-ops", true, Set.of(CAROL), Set.of())));
  }
}
