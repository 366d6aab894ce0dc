package dev.jitelevate.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.server.FaultRule;
import dev.jitelevate.emulator.server.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The embedded emulator every measurement runs against: the demo scenario plus {@code extra} service
 * principals ({@code bench-sp-NNN}, Reader at the subscription like the CI identity, each with a client
 * secret) so that concurrent elevations target different principals, as concurrent pipelines do.
 */
final class World implements AutoCloseable {
  /** More token requests than any measurement makes between two prepares: with a latency, all of them wait. */
  private static final int TOKEN_REQUESTS_DELAYED = 100_000;
  static final String SUB = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String RG_APP = "/subscriptions/" + SUB + "/resourceGroups/rg-app";
  static final String ROLE = "Key Vault Secrets Officer";
  static final String ROLE_GUID = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
  static final String BROKER_APP = "b0b0b0b0-0000-4000-8000-0000000000a1";
  static final String BROKER_SECRET = "demo-broker-secret-7f3e9c21";
  static final String CI_APP = "c1c1c1c1-0000-4000-8000-0000000000a1";
  static final String CI_OBJECT = "c1c1c1c1-0000-4000-8000-000000000001";
  static final String AUDIENCE = "api://AzureADTokenExchange";

  final PimEmulator emulator;
  final CloudProfile cloud;
  final Path profileFile;
  private final Path caFile;
  final Path dir;

  private World(PimEmulator emulator, Path dir) {
    this.emulator = emulator;
    this.dir = dir;
    this.cloud = CloudProfile.parse(emulator.profileJson());
    this.profileFile = emulator.writeProfile(dir.resolve("profile.json"));
    this.caFile = writeCaFile(dir.resolve("ca.pem"), emulator.caCertificatePem());
  }

  static World start(int extra, Hazards hazards) {
    try {
      Path dir = Files.createTempDirectory("jit-bench");
      return new World(PimEmulator.builder().scenario(scenario(extra)).hazards(hazards).start(), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** P and Q as given, no throttling or faults, and the deactivation floor off (so revoke is not held). */
  static Hazards delays(Duration provisioning, Duration propagation) {
    return Hazards.none().withProvisioningDelay(provisioning).withPropagationDelay(propagation)
        .withMinimumActiveDuration(Duration.ZERO);
  }

  static String spAppId(int i) {
    return String.format("5b5b5b5b-0000-4000-8000-%012d", i);
  }

  static String spObjectId(int i) {
    return String.format("5b5b5b5b-0000-4000-9000-%012d", i);
  }

  static String spSecret(int i) {
    return "bench-secret-" + i;
  }

  private static Scenario scenario(int extra) {
    ObjectNode root = Scenario.demo().root().deepCopy();
    ArrayNode sps = (ArrayNode) root.get("servicePrincipals");
    ArrayNode assignments = (ArrayNode) root.get("arm").get("roleAssignments");
    for (int i = 1; i <= extra; i++) {
      ObjectNode sp = sps.addObject().put("id", spObjectId(i)).put("appId", spAppId(i))
          .put("displayName", String.format("bench-sp-%03d", i)).put("type", "Application");
      sp.putArray("secrets").add(spSecret(i));
      sp.putArray("federatedCredentials");
      sp.putArray("appRoles");
      assignments.addObject().put("principalId", spObjectId(i)).put("role", "Reader").put("scope", "/subscriptions/" + SUB);
    }
    return new Scenario(root);
  }

  CredentialSource broker() {
    return Credentials.clientSecret(cloud, emulator.tenantId(), BROKER_APP, BROKER_SECRET);
  }

  /** The CI workload identity signing in with a GitHub Actions OIDC token, as in a pipeline. */
  CredentialSource ci() {
    return Credentials.clientAssertion(cloud, emulator.tenantId(), CI_APP, () -> emulator.github().idToken(AUDIENCE));
  }

  CredentialSource sp(int i) {
    return Credentials.clientSecret(cloud, emulator.tenantId(), spAppId(i), spSecret(i));
  }

  /** Key Vault Secrets Officer on rg-app through the broker, as the action's main job asks. */
  static ElevationRequest request() {
    return ElevationRequest.builder().azureRole(ROLE, RG_APP).strategy(Strategy.BROKER).duration(Duration.ofMinutes(30))
        .justification("jit-elevate bench").provisioningTimeout(Duration.ofMinutes(2))
        .propagationTimeout(Duration.ofMinutes(2)).build();
  }

  /** A fresh GitHub OIDC token in a file, for the CLI's AZURE_FEDERATED_TOKEN_FILE. */
  Path federatedTokenFile() {
    try {
      return Files.writeString(dir.resolve("oidc-token"), emulator.github().idToken(AUDIENCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The emulator's CA as a PEM file, written once: processes started earlier may be reading it. */
  Path caFile() {
    return caFile;
  }

  private static Path writeCaFile(Path file, String pem) {
    try {
      return Files.writeString(file, pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Back to the scenario (no assignment left from an earlier measurement), these hazards, an empty journal. With
   * {@code -Dbench.latency=MS} every ARM, Graph and Key Vault request (the emulator's latency hazard) and every
   * token request (a latency fault rule) is answered that much later: a round trip to Azure instead of to this
   * machine, for measuring what overlapping requests is worth. Off by default.
   */
  void prepare(Hazards hazards) {
    emulator.reset();
    Duration latency = Duration.ofMillis(Long.getLong("bench.latency", 0));
    if (latency.isZero()) {
      emulator.hazards(hazards);
      return;
    }
    emulator.hazards(hazards.withLatency(latency));
    emulator.injectFault(FaultRule.latency("POST", "/oauth2/v2\\.0/token$", latency, TOKEN_REQUESTS_DELAYED));
  }

  List<JournalEntry> journal() {
    return emulator.journal();
  }

  @Override
  public void close() {
    emulator.close();
  }
}
