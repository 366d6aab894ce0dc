package dev.jitelevate.core.it.arm;

import static dev.jitelevate.core.it.arm.ArmEmulatorRun.ALICE;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.CI;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.RG_APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.PolicyViolationException;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.RoleRef;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.ApiCall;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.RequestStatus;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ScheduleAction;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import dev.jitelevate.core.Sleeper;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.internal.gateway.arm.ArmSurfaces;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ARM surface's own contract against the emulator: idempotent submits, error translation, names and policies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArmSurfaceIT {
  @RegisterExtension
  static final ArmEmulatorRun run = new ArmEmulatorRun();
  private final List<ApiCall> calls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void reset() {
    calls.clear();
  }

  @AfterEach
  void tidyUp() {
    run.emulator.clock().advance(Duration.ofHours(2)); // the server-side expiry ends what a test activated
  }

  private AccessSurface surface(SurfaceKind kind, dev.jitelevate.core.CredentialSource caller) {
    SurfaceContext context = new SurfaceContext(run.cloud, Optional.of(run.emulator.tenantId()), Clock.systemUTC(),
        Sleeper.system(), ArmEmulatorRun.polling(), ElevationListener.none(), calls::add);
    return ArmSurfaces.open(kind, caller, context, SdkHttp.forCloud(run.cloud));
  }

  private static ElevationTarget.AzureRole role(String name) {
    return new ElevationTarget.AzureRole(RoleRef.parse(name), ArmScope.parse(RG_APP));
  }

  private static ScheduleRequestSpec activation(ResolvedTarget target, Duration duration, String requestId) {
    return new ScheduleRequestSpec(requestId, ScheduleAction.SELF_ACTIVATE, PrincipalId.of(ALICE), target,
        Optional.empty(), duration, "rotate", Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Nested
  class Submitting {
    @Test
    void aRetriedSubmitOfTheSameRequestReturnsTheExistingRequest() {
      AccessSurface alice = surface(SurfaceKind.ARM, run.alice());
      ResolvedTarget target = alice.resolve(role("Key Vault Secrets Officer"));
      ScheduleRequestSpec spec = activation(target, Duration.ofMinutes(30), UUID.randomUUID().toString());

      ScheduleRequestView first = alice.submit(spec);
      ScheduleRequestView again = alice.submit(spec);

      assertThat(again.id()).isEqualTo(first.id()).isEqualTo(spec.requestId());
      assertThat(again.status()).isNotEqualTo(RequestStatus.FAILED);
      assertThat(calls).anyMatch(c -> c.operation().equals("roleAssignmentScheduleRequests.create") && c.httpStatus() == 400);
      assertThat(calls).anyMatch(c -> c.operation().equals("roleAssignmentScheduleRequests.get") && c.httpStatus() == 200);
    }

    @Test
    void aServiceSidePolicyRefusalNamesTheRuleAndKeepsArmsRequestId() {
      AccessSurface alice = surface(SurfaceKind.ARM, run.alice());
      ResolvedTarget target = alice.resolve(role("Key Vault Secrets Officer"));

      assertThatThrownBy(() -> alice.submit(activation(target, Duration.ofHours(9), UUID.randomUUID().toString())))
          .isInstanceOfSatisfying(PolicyViolationException.class, e -> {
            assertThat(e.rule()).isEqualTo("ExpirationRule");
            assertThat(e.azureErrorCode()).contains("RoleAssignmentRequestPolicyValidationFailed");
            assertThat(e.azureRequestId()).isPresent();
            assertThat(e.httpStatus()).isEqualTo(400);
          });
    }

    @Test
    void aCallerWithoutWriteAccessIsNotAuthorized() {
      AccessSurface alice = surface(SurfaceKind.ARM, run.alice());
      ResolvedTarget target = alice.resolve(role("Key Vault Secrets User"));
      ScheduleRequestSpec assign = new ScheduleRequestSpec(UUID.randomUUID().toString(), ScheduleAction.ADMIN_ASSIGN,
          PrincipalId.of(CI), target, Optional.empty(), Duration.ofMinutes(30), "x", Optional.empty(), Optional.empty(),
          Optional.empty());

      assertThatThrownBy(() -> alice.submit(assign)).isInstanceOfSatisfying(ElevationException.class, e -> {
        assertThat(e.kind()).isEqualTo(FailureKind.NOT_AUTHORIZED);
        assertThat(e.azureErrorCode()).contains("AuthorizationFailed");
        assertThat(e.httpStatus()).isEqualTo(403);
      });
    }
  }

  @Nested
  class Resolving {
    @Test
    void anUnknownRoleNameSaysWhatToChange() {
      AccessSurface broker = surface(SurfaceKind.ARM, run.broker());

      assertThatThrownBy(() -> broker.resolve(role("Key Vault Secret Officer")))
          .isInstanceOfSatisfying(InvalidElevationRequestException.class, e -> {
            assertThat(e.input()).isEqualTo("role");
            assertThat(e.fix()).contains("exact display name");
          });
    }

    @Test
    void anUnknownResourceGroupIsAnInvalidScope() {
      AccessSurface broker = surface(SurfaceKind.ARM, run.broker());
      ElevationTarget.AzureRole missing = new ElevationTarget.AzureRole(RoleRef.parse("Reader"),
          ArmScope.parse(ArmEmulatorRun.SUB_SCOPE + "/resourceGroups/rg-nope"));

      assertThatThrownBy(() -> broker.resolve(missing)).isInstanceOfSatisfying(InvalidElevationRequestException.class,
          e -> assertThat(e.input()).isEqualTo("scope"));
    }

    @Test
    void theRolesActionsAreResolvedForTheEffectivenessCheck() {
      ResolvedTarget target = surface(SurfaceKind.ARM, run.broker()).resolve(role("Key Vault Secrets Officer"));

      assertThat(target.roleDefinitionId()).hasValueSatisfying(id -> assertThat(id).endsWith("b86a8fe4-44ce-4948-aee5-eccb2c155cd7"));
      assertThat(target.roleActions().dataActions()).contains("Microsoft.KeyVault/vaults/secrets/*");
    }
  }

  @Nested
  class Policies {
    @Test
    void aPersonGetsTheEndUserRulesOfTheScenariosPolicy() {
      AccessSurface alice = surface(SurfaceKind.ARM, run.alice());
      EffectivePolicy contributor = alice.policy(alice.resolve(new ElevationTarget.AzureRole(RoleRef.parse("Contributor"),
          ArmScope.parse(ArmEmulatorRun.SUB_SCOPE))));

      assertThat(contributor.maximumActivation()).isEqualTo(Duration.ofHours(8));
      assertThat(contributor.maximumAdminAssignment()).isEqualTo(Duration.ofDays(365));
      assertThat(contributor.requireJustification()).isTrue();
      assertThat(contributor.requireTicket()).isTrue();
      assertThat(contributor.requireApproval()).isTrue();
      assertThat(contributor.approverIds()).containsExactly(ArmEmulatorRun.BOB);
    }

    @Test
    void aBrokerGetsTheAdminEnablementRules() {
      AccessSurface broker = surface(SurfaceKind.ARM, run.broker());
      EffectivePolicy contributor = broker.policy(broker.resolve(new ElevationTarget.AzureRole(RoleRef.parse("Contributor"),
          ArmScope.parse(ArmEmulatorRun.SUB_SCOPE))));

      assertThat(contributor.requireTicket()).as("the ticket rule is an end-user rule").isFalse();
    }
  }
}
