package dev.jitelevate.core.it.faults;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.ElevatorBuilder;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.testing.SecretCanary;
import dev.jitelevate.core.testing.EmulatorExtension;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The demo tenant on one embedded emulator for the reliability suites, with every identity's credential
 * wired to the current {@link SecretCanary}: each access token and client assertion issued during a test is
 * watched, as are the broker's secret and the users' passwords. All delays are a few hundred milliseconds.
 */
final class FaultWorld implements AutoCloseable {
  /** Lists come in pages of two, so every list the client reads takes several pages (issue 13). */
  static final int PAGE_SIZE = 2;
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String SUB_SCOPE = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String RG_APP = SUB_SCOPE + "/resourceGroups/rg-app";
  static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
  static final String BOB = "b0b00000-0000-4000-8000-000000000002";
  static final String CI = "c1c1c1c1-0000-4000-8000-000000000001";
  static final String BROKER_APP = "b0b0b0b0-0000-4000-8000-0000000000a1";
  static final String BROKER_SECRET = "demo-broker-secret-7f3e9c21";
  static final String CI_APP = "c1c1c1c1-0000-4000-8000-0000000000a1";
  static final String ALICE_PASSWORD = "demo-alice-pw-4d2a";
  private static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
  /** The minimum active duration of both the emulator and the lifecycle, instead of PIM's 5 minutes. */
  static final Duration FLOOR = Duration.ofMillis(300);
  /** Retries of a transient failure per call, and so the attempts a fault must outlast. */
  static final int MAX_RETRIES = 2;
  static final int ATTEMPTS = MAX_RETRIES + 1;

  final PimEmulator emulator;
  final CloudProfile cloud;
  final List<ElevationEvent> events = new CopyOnWriteArrayList<>();
  private final HttpClient http;
  private volatile SecretCanary canary;

  FaultWorld() {
    emulator = PimEmulator.builder().scenario(Scenario.demo().withPageSize(PAGE_SIZE)).hazards(fast()).start();
    cloud = CloudProfile.parse(emulator.profileJson());
    http = EmulatorExtension.trusting(emulator);
  }

  static Hazards fast() {
    return Hazards.none().withProvisioningDelay(Duration.ofMillis(100)).withMinimumActiveDuration(FLOOR);
  }

  static PollingPolicy polling(Duration floor) {
    return PollingPolicy.defaults().withIntervals(Duration.ofMillis(40), Duration.ofMillis(150)).withMaxRetries(MAX_RETRIES)
        .withMinimumActiveDuration(floor);
  }

  /** Back to the scenario, the fast hazards and the real clock; a new canary that watches the long-lived secrets. */
  SecretCanary reset() {
    emulator.reset();
    emulator.hazards(fast());
    events.clear();
    SecretCanary fresh = SecretCanary.start();
    fresh.watch(BROKER_SECRET);
    fresh.watch(ALICE_PASSWORD);
    canary = fresh;
    return fresh;
  }

  SecretCanary canary() {
    return canary;
  }

  Elevator selfElevator(Duration floor) {
    return base(floor).identity(alice()).build();
  }

  /** The broker elevating the CI identity (broker and rbac strategies). */
  Elevator brokerElevator(Duration floor) {
    return base(floor).identity(ci()).broker(broker()).build();
  }

  /** The broker, on a clock that follows the emulator's (advanced) clock: for sweeping after expiry. */
  Elevator sweeper() {
    return base(FLOOR).identity(ci()).broker(broker())
        .clock(java.time.Clock.offset(java.time.Clock.systemUTC(), emulator.clock().offset())).build();
  }

  private ElevatorBuilder base(Duration floor) {
    return Elevator.builder().cloud(cloud).tenantId(TENANT).polling(polling(floor))
        .listener(event -> {
          events.add(event);
          SecretCanary c = canary;
          if (c != null) {
            c.listener().on(event);
          }
        });
  }

  CredentialSource broker() {
    return watched(Credentials.clientSecret(cloud, TENANT, BROKER_APP, BROKER_SECRET));
  }

  /** The CI app signing in with a GitHub OIDC token; every assertion is watched. */
  CredentialSource ci() {
    return watched(Credentials.clientAssertion(cloud, TENANT, CI_APP, watchedSupplier(
        () -> emulator.github().idToken("api://AzureADTokenExchange"))));
  }

  @SuppressWarnings("deprecation")
  CredentialSource alice() {
    return watched(Credentials.of(() -> new UsernamePasswordCredentialBuilder().tenantId(TENANT).clientId(AZURE_CLI)
        .username("alice@contoso-emu.onmicrosoft.com").password(ALICE_PASSWORD).authorityHost(emulator.baseUrl())
        .disableInstanceDiscovery().httpClient(http).build()));
  }

  private Supplier<String> watchedSupplier(Supplier<String> assertions) {
    return () -> {
      String assertion = assertions.get();
      watch(assertion);
      return assertion;
    };
  }

  /** Wraps a source so that every access token its credentials hand out is watched by the canary. */
  CredentialSource watched(CredentialSource source) {
    return () -> {
      TokenCredential inner = source.newCredential();
      return new TokenCredential() {
        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
          return inner.getToken(request).doOnNext(t -> watch(t.getToken()));
        }

        @Override
        public AccessToken getTokenSync(TokenRequestContext request) {
          AccessToken token = inner.getTokenSync(request);
          watch(token.getToken());
          return token;
        }
      };
    };
  }

  private void watch(String value) {
    SecretCanary c = canary;
    if (c != null) {
      c.watch(value);
    }
  }

  @Override
  public void close() {
    emulator.close();
  }
}
