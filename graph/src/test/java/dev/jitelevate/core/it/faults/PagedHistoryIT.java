package dev.jitelevate.core.it.faults;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.RequestStatus;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import dev.jitelevate.core.Sleeper;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.internal.gateway.graph.GraphSurfaces;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import dev.jitelevate.core.testing.RecordSchema;
import java.time.Clock;
import java.util.Optional;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.server.FaultRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tenant with history: the emulator pages every ARM and Graph list by {@value #PAGE_SIZE}, and earlier runs
 * left several requests for the same role. A fresh process (the post step) must find its own request, which sits
 * behind two full pages of the role's requests, and revoke from its handle even when the removal's answer is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagedHistoryIT {
  static final int PAGE_SIZE = 2;
  /** Each earlier run leaves two requests (activation and removal): three runs fill three pages. */
  static final int EARLIER_RUNS = 3;
  private FaultWorld world;

  @BeforeAll
  void start() {
    world = new FaultWorld();
    world.emulator.loadScenario(Scenario.demo().withPageSize(PAGE_SIZE));
  }

  @AfterAll
  void stop() {
    world.close();
  }

  @BeforeEach
  void reset() {
    world.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"directory-role", "group"})
  void aFreshSurfaceFindsAGraphRequestByOurIdBehindTwoPagesOfTheRolesRequests(String target) {
    for (int i = 0; i < EARLIER_RUNS; i++) {
      assertThat(world.brokerElevator(FaultWorld.FLOOR).run(request(target), context -> { }).failure()).isEmpty();
    }
    try (ActiveElevation held = world.brokerElevator(FaultWorld.FLOOR).elevate(request(target))) {
      SurfaceKind kind = target.equals("group") ? SurfaceKind.GROUP : SurfaceKind.DIRECTORY;
      SurfaceContext context = new SurfaceContext(world.cloud, Optional.of(FaultWorld.TENANT), Clock.systemUTC(),
          Sleeper.system(), FaultWorld.polling(FaultWorld.FLOOR), ElevationListener.none(), call -> { });
      AccessSurface fresh = GraphSurfaces.open(kind, world.broker(), context, SdkHttp.forCloud(world.cloud));
      ResolvedTarget resolved = fresh.resolve(request(target).target());

      ScheduleRequestView found = fresh.get(resolved, held.handle().requestId());

      assertThat(found.status()).isEqualTo(RequestStatus.PROVISIONED);
    }
    assertThat(world.emulator.leaks()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"azure-role", "directory-role", "group"})
  void aRevokeFromAHandleFindsItsRequestBehindTwoPagesOfHistory(String target) {
    for (int i = 0; i < EARLIER_RUNS; i++) {
      ElevationOutcome earlier = world.brokerElevator(FaultWorld.FLOOR).run(request(target), context -> { });
      assertThat(earlier.failure()).as("earlier run %d", i).isEmpty();
    }
    RevocationHandle handle;
    ActivationRecord saved;
    ActiveElevation held = world.brokerElevator(FaultWorld.FLOOR).elevate(request(target));
    handle = held.handle();
    saved = held.record();
    held.detach();
    // The removal takes effect but its answer is lost: the retry must not fail on it.
    world.emulator.injectFault(FaultRule.lostAnswer(removalMethod(target), removalPath(target), 1));

    ActivationRecord record = world.brokerElevator(FaultWorld.FLOOR).revoke(handle, saved);

    assertThat(record.revocation().status()).as(record.revocation().toString()).isEqualTo(RevocationStatus.REVOKED);
    assertThat(record.error()).isEmpty();
    assertThat(world.emulator.leaks()).isEmpty();
    assertThat(RecordSchema.errors(record)).isEmpty();
  }

  private static String removalMethod(String target) {
    return target.equals("azure-role") ? "PUT" : "POST";
  }

  private static String removalPath(String target) {
    return switch (target) {
      case "azure-role" -> "roleAssignmentScheduleRequests/";
      case "directory-role" -> "roleManagement/directory/roleAssignmentScheduleRequests$";
      default -> "assignmentScheduleRequests$";
    };
  }

  private static ElevationRequest request(String target) {
    return switch (target) {
      case "azure-role" -> FaultCatalogue.azureRole(Strategy.BROKER).build();
      case "directory-role" -> FaultCatalogue.directoryRole(Strategy.BROKER).build();
      default -> FaultCatalogue.group(Strategy.BROKER).build();
    };
  }
}
