package dev.jitelevate.core.it.arm;

import static dev.jitelevate.core.it.arm.ArmEmulatorRun.ALICE;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.CI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.OperationContext;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.RequiredAccess;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.emulator.kernel.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Elevation at a management group, which has no permissions API. The strict emulator, like ARM, answers a role
 * assignment list only to a caller holding {@code Microsoft.Authorization/roleAssignments/read} at the scope, so
 * a role without that read (Key Vault Secrets User: data actions only) must be verified another way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementGroupScopeIT {
  static final String MG = "/providers/Microsoft.Management/managementGroups/mg-contoso";
  static final String BROKER = "b0b0b0b0-0000-4000-8000-000000000001";

  @RegisterExtension
  static final ArmEmulatorRun run = new ArmEmulatorRun(scenario());

  /** The demo, with the broker administering access at the management group and Alice eligible there. */
  static Scenario scenario() {
    ObjectNode root = Scenario.demo().root().deepCopy();
    ObjectNode arm = (ObjectNode) root.get("arm");
    ((ArrayNode) arm.get("roleAssignments")).addObject().put("principalId", BROKER)
        .put("role", "User Access Administrator").put("scope", MG);
    ((ArrayNode) arm.get("eligibilities")).addObject().put("principalId", ALICE)
        .put("role", "Key Vault Secrets User").put("scope", MG).putNull("endDateTime");
    ((ArrayNode) arm.get("eligibilities")).addObject().put("principalId", ALICE)
        .put("role", "User Access Administrator").put("scope", MG).putNull("endDateTime");
    return new Scenario(root);
  }

  private static ElevationRequest request(String role, Strategy strategy) {
    return ElevationRequest.builder().azureRole(role, MG).strategy(strategy)
        .duration(Duration.ofMinutes(30)).justification("read the shared secrets")
        .approvalTimeout(Duration.ofSeconds(5)).provisioningTimeout(Duration.ofSeconds(5))
        .propagationTimeout(Duration.ofSeconds(3)).build();
  }

  @Test
  void aPersonActivatingARoleWithoutTheAssignmentsReadIsVerifiedByItsOwnActiveInstance() throws Exception {
    ElevationOutcome outcome = run.selfElevator().run(request("Key Vault Secrets User", Strategy.SELF), context -> { });

    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.record().principal().id()).isEqualTo(ALICE);
    assertThat(outcome.record().timeline().verified()).isPresent();
    assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
    ArmEmulatorRun.assertValidRecord(outcome.record());
  }

  @Test
  void theBrokerAssigningARoleWithoutTheAssignmentsReadToTheCiAppIsVerified() throws Exception {
    ElevationOutcome outcome = run.brokerElevator().run(request("Key Vault Secrets User", Strategy.BROKER), context ->
        assertThat(run.emulator.activeAssignments()).anyMatch(a -> a.principalId().equals(CI) && !a.fromScenario()));

    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.record().timeline().verified()).isPresent();
    assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
  }

  @Test
  void aPlainRoleAssignmentWithoutTheAssignmentsReadIsVerified() throws Exception {
    ElevationOutcome outcome = run.brokerElevator().run(request("Key Vault Secrets User", Strategy.RBAC), context -> { });

    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.record().timeline().verified()).isPresent();
    assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
  }

  @Test
  void aRoleCoveringTheAssignmentsReadIsStillVerifiedByTheAssignmentList() throws Exception {
    ElevationOutcome outcome = run.selfElevator().run(request("User Access Administrator", Strategy.SELF), context -> { });

    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.record().timeline().verified()).isPresent();
  }

  @Test
  void aRoleCoveringTheReadIsNotYetEffectiveWhileArmStillRefusesTheListAndIsOnceItPropagates() throws Exception {
    run.emulator.hazards(ArmEmulatorRun.fast().withPropagationDelay(Duration.ofMillis(900)));

    ElevationOutcome outcome = run.selfElevator().run(request("User Access Administrator", Strategy.SELF), context -> { });

    assertThat(outcome.failure()).isEmpty();
    ActivationRecord.Timeline t = outcome.record().timeline();
    assertThat(Duration.between(t.provisioned().orElseThrow(), t.verified().orElseThrow()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(run.retries("ARM still refuses the identity the role assignments")).isPositive();
  }

  @Test
  void aRoleCoveringTheReadIsVerifiedByTheAssignmentListEvenWhenWhatIsProbedDoesNotCoverIt() throws Exception {
    run.emulator.hazards(ArmEmulatorRun.fast().withPropagationDelay(Duration.ofMillis(900)));
    PrivilegedOperation supportTicket = new PrivilegedOperation() {
      @Override
      public void perform(OperationContext context) {}

      @Override
      public RequiredAccess requiredAccess() { // probed alone: it does not cover roleAssignments/read
        return new RequiredAccess(List.of("Microsoft.Support/supportTickets/write"), List.of());
      }
    };

    ElevationOutcome outcome = run.selfElevator().run(request("User Access Administrator", Strategy.SELF), supportTicket);

    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.record().timeline().verified()).isPresent();
    assertThat(run.retries("ARM still refuses the identity the role assignments"))
        .as("the role's own actions grant the read, so its assignment list is the proof").isPositive();
  }
}
