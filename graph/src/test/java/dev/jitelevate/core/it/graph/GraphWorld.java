package dev.jitelevate.core.it.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.internal.gateway.sdk.AccessTokens;
import dev.jitelevate.core.testing.EmulatorExtension;
import dev.jitelevate.core.testing.RecordSchema;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.ActiveAssignment;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;


/**
 * The demo tenant on an embedded emulator, seen through the public API: users signing in with a password,
 * the CI workload identity through GitHub OIDC, the broker with its secret. The scenario adds Carol, a user
 * without MFA who is eligible for a role whose policy requires MFA.
 */
final class GraphWorld extends EmulatorExtension {
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
  static final String BOB = "b0b00000-0000-4000-8000-000000000002";
  static final String CAROL = "ca201000-0000-4000-8000-000000000003";
  static final String CI = "c1c1c1c1-0000-4000-8000-000000000001";
  static final String GROUP = "9a9a9a9a-0000-4000-8000-000000000001";
  static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  static final String PRIVILEGED_ROLE_ADMIN = "e8611ab8-c189-46e8-94e1-60213ab1f814";
  static final String SECURITY_READER = "Security Reader";
  static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
  private static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

  final List<ElevationEvent> events = new CopyOnWriteArrayList<>();
  private final Scenario scenario;

  GraphWorld() {
    this(scenario());
  }

  private GraphWorld(Scenario scenario) {
    super(PimEmulator.builder().scenario(scenario).hazards(hazards()).start());
    this.scenario = scenario;
  }

  /** Fast hazards: provisioning takes a few hundred ms, removal is allowed at once. */
  static Hazards hazards() {
    return Hazards.none().withProvisioningDelay(Duration.ofMillis(300)).withMinimumActiveDuration(Duration.ZERO);
  }

  /** Back to the scenario, hazards and clock this world started with, and no events. */
  @Override
  protected void reset() {
    emulator.loadScenario(scenario);
    emulator.reset();
    emulator.hazards(hazards());
    events.clear();
  }

  /** A copy of this world's scenario document, to change and load for one test. */
  ObjectNode scenarioCopy() {
    return (ObjectNode) scenario.root().deepCopy();
  }

  private static Scenario scenario() {
    ObjectNode root = Scenario.demo().root().deepCopy();
    ObjectMapper json = new ObjectMapper();
    ((com.fasterxml.jackson.databind.node.ArrayNode) root.path("users")).add(json.createObjectNode()
        .put("id", CAROL).put("userPrincipalName", "carol@contoso-emu.onmicrosoft.com").put("displayName", "Carol NoMfa")
        .put("password", "demo-carol-pw-1e3b").put("mfa", false));
    ObjectNode directory = (ObjectNode) root.path("directory");
    ((com.fasterxml.jackson.databind.node.ArrayNode) directory.path("eligibilities")).add(json.createObjectNode()
        .put("principalId", CAROL).put("role", SECURITY_READER).put("directoryScopeId", "/"));
    ((com.fasterxml.jackson.databind.node.ArrayNode) directory.path("policies")).add(json.createObjectNode()
        .put("role", SECURITY_READER).put("maximumDuration", "PT8H").put("requireJustification", true)
        .put("requireTicket", false).put("requireMfa", true).put("requireApproval", false));
    return new Scenario(root).withPageSize(2);
  }

  Elevator elevator(CredentialSource identity) {
    return Elevator.builder().cloud(cloud).tenantId(TENANT).identity(identity).broker(broker()).listener(events::add)
        .polling(PollingPolicy.defaults().withIntervals(Duration.ofMillis(50), Duration.ofMillis(200))
            .withMinimumActiveDuration(Duration.ZERO).withMaxRetries(4))
        .build();
  }

  CredentialSource broker() {
    return Credentials.clientSecret(cloud, TENANT, "b0b0b0b0-0000-4000-8000-0000000000a1", "demo-broker-secret-7f3e9c21");
  }

  CredentialSource ci() {
    return Credentials.clientAssertion(cloud, TENANT, "c1c1c1c1-0000-4000-8000-0000000000a1",
        () -> emulator.github().idToken("api://AzureADTokenExchange"));
  }

  CredentialSource alice() {
    return user("alice@contoso-emu.onmicrosoft.com", "demo-alice-pw-4d2a");
  }

  CredentialSource carol() {
    return user("carol@contoso-emu.onmicrosoft.com", "demo-carol-pw-1e3b");
  }

  @SuppressWarnings("deprecation")
  CredentialSource user(String upn, String password) {
    return Credentials.of(() -> new UsernamePasswordCredentialBuilder().tenantId(TENANT).clientId(AZURE_CLI)
        .username(upn).password(password).authorityHost(emulator.baseUrl()).disableInstanceDiscovery()
        .httpClient(http).build());
  }

  /** A source whose every credential serves the one token it got first: what a cached, pre-activation token does. */
  static CredentialSource frozen(CredentialSource source) {
    TokenCredential credential = source.newCredential();
    AtomicReference<AccessToken> first = new AtomicReference<>();
    TokenCredential stale = new TokenCredential() {
      @Override
      public reactor.core.publisher.Mono<AccessToken> getToken(TokenRequestContext request) {
        return reactor.core.publisher.Mono.fromSupplier(() -> getTokenSync(request));
      }

      @Override
      public AccessToken getTokenSync(TokenRequestContext request) {
        return first.updateAndGet(t -> t != null ? t : credential.getTokenSync(request));
      }
    };
    stale.getTokenSync(new TokenRequestContext().addScopes(GRAPH_SCOPE));
    return () -> stale;
  }

  /** The claims of a Graph token issued now to the identity. */
  static JsonNode claimsNow(CredentialSource identity) {
    return AccessTokens.claims(
        identity.newCredential().getTokenSync(new TokenRequestContext().addScopes(GRAPH_SCOPE)).getToken());
  }

  /** Active assignments this test left behind (the scenario's own standing access is not a leak). */
  List<ActiveAssignment> leaks() {
    return emulator.leaks();
  }

  List<ElevationEvent.Retrying> retries() {
    return events.stream().filter(ElevationEvent.Retrying.class::isInstance).map(ElevationEvent.Retrying.class::cast).toList();
  }

  static void assertValidAgainstSchema(ActivationRecord record) {
    assertThat(RecordSchema.errors(record)).isEmpty();
  }
}
