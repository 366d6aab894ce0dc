package dev.jitelevate.core.internal.lifecycle;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceFactory;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.testing.ManualTime;
import dev.jitelevate.core.testing.RecordSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/** An elevator over a {@link FakeSurface} and a {@link ManualTime}, with every event captured. */
final class Harness implements SurfaceFactory {
  static final Instant START = Instant.parse("2026-11-25T05:00:00Z");
  static final String SCOPE = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app";

  final ManualTime clock = new ManualTime(START);
  final FakeSurface surface = new FakeSurface(clock);
  final List<ElevationEvent> events = new CopyOnWriteArrayList<>();
  final List<SurfaceKind> opened = new CopyOnWriteArrayList<>();
  final List<CredentialSource> callers = new CopyOnWriteArrayList<>();
  final CredentialSource identity = credential();
  final CredentialSource broker = () -> new FailingCredential();
  PollingPolicy polling = PollingPolicy.defaults();
  boolean withBroker = true;
  /** The runner's step-up, when the test gives one. */
  dev.jitelevate.core.StepUp stepUp;
  /** Whether the elevator replaces azure-core's shared executor (the CLI's and the action's opt-in). */
  boolean replaceSdkExecutor;

  private CredentialSource credential() {
    return () -> {
      surface.credentialsCreated.add(clock.instant());
      return new FailingCredential();
    };
  }

  /** A credential that is never asked for a token by the fake. */
  static final class FailingCredential implements TokenCredential {
    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      return Mono.error(new IllegalStateException("the fake surface never needs a token"));
    }
  }

  @Override
  public AccessSurface open(SurfaceKind kind, CredentialSource caller, SurfaceContext context) {
    opened.add(kind);
    callers.add(caller);
    surface.kind = kind;
    surface.context = context;
    return surface;
  }

  LifecycleElevator elevator() {
    ElevatorConfig config = new ElevatorConfig(CloudProfile.azurePublic(), Optional.empty(), identity,
        withBroker ? Optional.of(broker) : Optional.empty(), events::add, clock, polling, clock, () -> 0.5,
        dev.jitelevate.core.ActivationRecord.Exposure.DEFAULT_MAX_ACCESS_TOKEN_LIFETIME, Optional.ofNullable(stepUp),
        Optional.empty(), replaceSdkExecutor);
    return new LifecycleElevator(config, this);
  }

  static ElevationRequest.Builder brokerRequest() {
    return ElevationRequest.builder().azureRole("Key Vault Secrets Officer", SCOPE).duration(Duration.ofMinutes(30))
        .justification("rotate db password").label("runId", "42");
  }

  <T extends ElevationEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  List<String> stepsStarted() {
    return events(ElevationEvent.StepStarted.class).stream().map(ElevationEvent.StepStarted::step).collect(Collectors.toList());
  }

  List<String> submittedActions() {
    return surface.submitted.stream().map(s -> s.action().armValue()).collect(Collectors.toList());
  }

  /** Validates the record's JSON against the published schema and returns the messages (empty when valid). */
  static List<String> schemaErrors(ActivationRecord record) {
    return RecordSchema.errors(record);
  }
}
