package dev.jitelevate.emulator.graph;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Graph surface on the test scenario with an in-memory directory and token validator: tokens are opaque
 * strings mapped to {@link Caller}s, so tests can issue app, delegated, stale and MFA-less tokens at will.
 */
final class GraphFixture {
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
  static final String BOB = "b0b00000-0000-4000-8000-000000000002";
  static final String CAROL = "ca201000-0000-4000-8000-000000000003";
  static final String DAVE = "da7e0000-0000-4000-8000-000000000004";
  static final String BROKER = "b0b0b0b0-0000-4000-8000-000000000001";
  static final String BROKER_APP_ID = "b0b0b0b0-0000-4000-8000-0000000000a1";
  static final String CI = "c1c1c1c1-0000-4000-8000-000000000001";
  static final String PIM_GROUP = "9a9a9a9a-0000-4000-8000-000000000001";
  static final String PLAIN_GROUP = "9b9b9b9b-0000-4000-8000-000000000002";
  static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  static final String PRIVILEGED_ROLE_ADMIN = "e8611ab8-c189-46e8-94e1-60213ab1f814";
  static final String GROUPS_ADMIN = "fdd7a751-b60b-444a-984c-02652fe8fa1c";
  static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
  static final Set<String> USER_SCOPES = Set.of("RoleAssignmentSchedule.ReadWrite.Directory",
      "RoleEligibilitySchedule.Read.Directory", "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup",
      "PrivilegedEligibilitySchedule.Read.AzureADGroup", "RoleManagementPolicy.Read.Directory",
      "RoleManagementPolicy.Read.AzureADGroup", "User.Read");

  final EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));
  final EmulatorContext context = new EmulatorContext(clock, Hazards.none());
  final ListDirectory directory;
  final GraphSurface surface;
  private final Map<String, Caller> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger requestIds = new AtomicInteger();

  GraphFixture() {
    this(Scenario.classpath("/graph/graph-test-scenario.json"));
  }

  GraphFixture(Scenario scenario) {
    directory = directoryOf(scenario.root());
    context.register(Directory.class, directory);
    context.register(TokenValidator.class, (token, audiences) ->
        audiences.contains("https://graph.microsoft.com") ? Optional.ofNullable(tokens.get(token)) : Optional.empty());
    surface = (GraphSurface) new GraphSurfaceFactory().create(context);
    surface.load(scenario);
  }

  /** An app-only token of a service principal carrying its scenario app roles. */
  String appToken(String servicePrincipalId) {
    Principal sp = directory.principal(servicePrincipalId).orElseThrow();
    return register(new Caller(sp.id(), sp.appId(), true, sp.appRoles(), Set.of(), Set.of(), Set.of(), Set.of(),
        clock.now()));
  }

  /** An app-only token with explicit roles. */
  String appToken(String servicePrincipalId, Set<String> roles) {
    Principal sp = directory.principal(servicePrincipalId).orElseThrow();
    return register(new Caller(sp.id(), sp.appId(), true, roles, Set.of(), Set.of(), Set.of(), Set.of(), clock.now()));
  }

  /** A delegated token of a user issued now: wids and groups as the surface's ClaimsSource says right now. */
  String userToken(String userId) {
    return userToken(userId, USER_SCOPES, true);
  }

  String userToken(String userId, Set<String> scopes, boolean mfa) {
    var claims = context.require(dev.jitelevate.emulator.kernel.ClaimsSource.class);
    return register(new Caller(userId, "04b07795-8ddb-461a-bbee-02f9e1bf7b46", false, Set.of(), scopes,
        claims.directoryRoleTemplateIds(userId), claims.groupIds(userId), mfa ? Set.of("pwd", "mfa") : Set.of("pwd"),
        clock.now()));
  }

  /** A delegated token of a user whose sign-in satisfied the authentication contexts {@code acrs}. */
  String userTokenWithContexts(String userId, Set<String> acrs) {
    Caller plain = tokens.get(userToken(userId));
    return register(new Caller(plain.objectId(), plain.appId(), false, plain.roles(), plain.scopes(), plain.wids(),
        plain.groups(), plain.amr(), plain.issuedAt(), acrs));
  }

  private String register(Caller caller) {
    String token = "token-" + tokens.size() + "-" + caller.objectId();
    tokens.put(token, caller);
    return token;
  }

  EmulatorResponse get(String token, String pathAndQuery) {
    return send("GET", token, pathAndQuery, null);
  }

  EmulatorResponse post(String token, String path, Object body) {
    return send("POST", token, path, body);
  }

  EmulatorResponse patch(String token, String path, Object body) {
    return send("PATCH", token, path, body);
  }

  EmulatorResponse send(String method, String token, String pathAndQuery, Object body) {
    String path = TestRequests.path(pathAndQuery);
    return surface.handle(new EmulatorRequest(method, TestRequests.decode(path), path, TestRequests.query(pathAndQuery),
        TestRequests.bearer(token), TestRequests.body(body),
        "req-" + requestIds.incrementAndGet()));
  }

  void advance(Duration by) {
    clock.advance(by);
  }

  void hazards(Hazards hazards) {
    context.hazards(hazards);
  }

  static JsonNode json(String text) {
    return Json.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Body of a self-activation of a directory role. */
  static String selfActivate(String principalId, String roleId, String duration, String justification) {
    return """
        {"action":"selfActivate","principalId":"%s","roleDefinitionId":"%s","directoryScopeId":"/",
         "justification":%s,"scheduleInfo":{"expiration":{"type":"AfterDuration","duration":"%s"}}}"""
        .formatted(principalId, roleId, justification == null ? "null" : "\"" + justification + "\"", duration);
  }

  /** Body of a directory-role request with any action. */
  static String roleRequest(String action, String principalId, String roleId, String expiration) {
    return """
        {"action":"%s","principalId":"%s","roleDefinitionId":"%s","directoryScopeId":"/",
         "justification":"needed","scheduleInfo":{"expiration":%s}}""".formatted(action, principalId, roleId, expiration);
  }

  /** Body of a PIM for Groups request. */
  static String groupRequest(String action, String principalId, String accessId, String duration) {
    return """
        {"action":"%s","principalId":"%s","groupId":"%s","accessId":"%s","justification":"deploy",
         "scheduleInfo":{"expiration":{"type":"afterDuration","duration":"%s"}}}"""
        .formatted(action, principalId, PIM_GROUP, accessId, duration);
  }

  /** A directory built from the scenario's users, servicePrincipals and groups sections. */
  static ListDirectory directoryOf(JsonNode root) {
    List<Principal> principals = new ArrayList<>();
    for (JsonNode u : root.path("users")) {
      principals.add(new Principal(u.path("id").asText(), "User", u.path("displayName").asText(), null,
          u.path("userPrincipalName").asText(), Set.of(), u.path("mfa").asBoolean()));
    }
    for (JsonNode s : root.path("servicePrincipals")) {
      Set<String> roles = new HashSet<>();
      s.path("appRoles").forEach(r -> roles.add(r.asText()));
      principals.add(new Principal(s.path("id").asText(), s.path("type").asText("Application").equals("ManagedIdentity")
          ? "ManagedIdentity" : "ServicePrincipal", s.path("displayName").asText(), s.path("appId").asText(), null,
          roles, false));
    }
    List<Group> groups = new ArrayList<>();
    for (JsonNode g : root.path("groups")) {
      groups.add(new Group(g.path("id").asText(), g.path("displayName").asText(),
          g.path("isAssignableToRole").asBoolean(), texts(g.path("members")), texts(g.path("owners"))));
    }
    return new ListDirectory(root.path("tenant").path("id").asText(), principals, groups);
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(a -> out.add(a.asText()));
    return out;
  }
}
