package dev.jitelevate.core.it.graph;

import static dev.jitelevate.core.it.graph.GraphWorld.ALICE;
import static dev.jitelevate.core.it.graph.GraphWorld.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.StatusReport;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.ApiCall;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.internal.gateway.factory.SdkSurfaceFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Graph surfaces' status listing and call reporting, opened through the ServiceLoader factory (the public
 * {@code Elevator.status} also needs the ARM surface).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphStatusIT {
  private final GraphWorld world = new GraphWorld();
  private final List<ApiCall> calls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void reset() {
    world.reset();
    calls.clear();
  }

  @AfterEach
  void nothingThisTestCreatedIsStillActive() {
    assertThat(world.leaks()).isEmpty();
  }

  @AfterAll
  void stop() {
    world.close();
  }

  private SurfaceContext context() {
    return new SurfaceContext(world.cloud, Optional.of(GraphWorld.TENANT), Clock.systemUTC(), d -> Thread.sleep(d.toMillis()),
        PollingPolicy.defaults(), ElevationListener.none(), calls::add);
  }

  @Test
  void surfacesTheCallerMayNotReadAreWarningsWhileTheOthersAreStillListed() {
    StatusReport report = world.elevator(world.broker()).status(Optional.of(PrincipalId.of(ALICE)));

    assertThat(report.principal()).isEqualTo(PrincipalId.of(ALICE));
    assertThat(report.eligible()).extracting(StatusReport.Entry::surface).contains("directory");
    // the broker's role covers one subscription, so ARM refuses it a list of Alice's items (PIM schedules and
    // plain role assignments alike) at the tenant root
    assertThat(world.events).filteredOn(e -> e instanceof ElevationEvent.Notice n && n.level() == ElevationEvent.Level.WARNING)
        .map(Object::toString)
        .satisfiesExactlyInAnyOrder(
            arm -> assertThat(arm).contains("Cannot list arm elevations", "AuthorizationFailed"),
            group -> assertThat(group).contains("Cannot list group elevations", "Authorization_RequestDenied"),
            rbac -> assertThat(rbac).contains("Cannot list rbac leftover elevations", "AuthorizationFailed"));
  }

  @Test
  void statusListsAlicesEligibleRolesAndHerActiveGroupMembershipByName() {
    ElevationRequest request = ElevationRequest.builder().group("grp-prod-admins", GroupAccess.MEMBER)
        .strategy(Strategy.SELF).duration(Duration.ofHours(1)).justification("deploy").build();
    try (ActiveElevation elevation = world.elevator(world.alice()).elevate(request)) {
      var factory = new SdkSurfaceFactory();
      StatusReport groups = factory.open(SurfaceKind.GROUP, world.alice(), context()).status(PrincipalId.of(ALICE)).orElseThrow();
      StatusReport roles = factory.open(SurfaceKind.DIRECTORY, world.alice(), context()).status(PrincipalId.of(ALICE)).orElseThrow();

      assertThat(groups.eligible()).singleElement().satisfies(e -> assertThat(e.role()).isEqualTo("grp-prod-admins (member)"));
      assertThat(groups.active()).singleElement().satisfies(e -> {
        assertThat(e.scope()).isEqualTo(GROUP);
        assertThat(e.assignmentType()).isIn("Activated", "Unknown"); // the SDK reads only camelCase enum values
        assertThat(e.end()).isPresent();
      });
      assertThat(roles.eligible()).extracting(StatusReport.Entry::role)
          .containsExactlyInAnyOrder("User Administrator", "Privileged Role Administrator");
      assertThat(roles.active()).isEmpty();
    }
  }

  @Test
  void everyHttpCallIsReportedByOperationWithItsStatusAndRequestIdButNoUrl() {
    var surface = new SdkSurfaceFactory().open(SurfaceKind.DIRECTORY, world.alice(), context());
    surface.status(PrincipalId.of(ALICE));
    // Alice holds no admin reader role: Graph lets her read her own items only through filterByCurrentUser
    assertThat(calls).extracting(ApiCall::operation).contains(
        "roleEligibilityScheduleInstances.filterByCurrentUser", "roleAssignmentScheduleInstances.filterByCurrentUser");
    assertThat(calls).allSatisfy(c -> {
      assertThat(c.httpStatus()).isEqualTo(200);
      assertThat(c.serviceRequestId()).isPresent();
      assertThat(c.operation()).doesNotContain("/", "?", ALICE);
    });
  }
}
