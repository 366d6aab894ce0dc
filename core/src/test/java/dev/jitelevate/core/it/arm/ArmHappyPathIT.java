package dev.jitelevate.core.it.arm;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.ALICE;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.CI;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.BROKER_APP;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.RG_APP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.Strategy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Elevate, verify, perform, revoke for an Azure role with each strategy, through the public API only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArmHappyPathIT {
  @RegisterExtension
  static final ArmEmulatorRun run = new ArmEmulatorRun();

  private static ElevationRequest.Builder secretsOfficer(Strategy strategy) {
    return ElevationRequest.builder().azureRole("Key Vault Secrets Officer", RG_APP).strategy(strategy)
        .duration(Duration.ofMinutes(30)).justification("rotate the db password")
        .approvalTimeout(Duration.ofSeconds(5)).provisioningTimeout(Duration.ofSeconds(5))
        .propagationTimeout(Duration.ofSeconds(5));
  }

  @Nested
  class SelfActivation {
    @Test
    void anEligiblePersonIsElevatedVerifiedAndRevokedWithAValidRecord() throws Exception {
      AtomicBoolean ranWhileActive = new AtomicBoolean();
      ElevationOutcome outcome = run.selfElevator().run(secretsOfficer(Strategy.SELF).build(), context ->
          ranWhileActive.set(run.emulator.activeAssignments().stream().anyMatch(a -> a.principalId().equals(ALICE)
              && !a.fromScenario())));

      assertThat(outcome.failure()).isEmpty();
      assertThat(ranWhileActive).isTrue();
      ActivationRecord record = outcome.record();
      assertThat(record.outcome()).isEqualTo(ActivationRecord.Outcome.SUCCEEDED);
      assertThat(record.principal().id()).isEqualTo(ALICE);
      assertThat(record.target().roleName()).contains("Key Vault Secrets Officer");
      assertThat(record.revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      assertThat(record.timeline().verified()).isPresent();
      ArmEmulatorRun.assertValidRecord(record);
    }

    @Test
    void thePolicyIsReadForTheRoleAloneAndNotForEveryRoleOfAzuresCatalogue() {
      ElevationOutcome outcome = run.selfElevator().run(secretsOfficer(Strategy.SELF).build(), context -> { });

      assertThat(outcome.failure()).isEmpty();
      List<String> policyReads = run.emulator.journal().stream()
          .filter(j -> j.path().endsWith("/roleManagementPolicyAssignments"))
          .map(j -> URLDecoder.decode(j.query(), StandardCharsets.UTF_8)).toList();
      assertThat(policyReads).hasSize(1);
      assertThat(policyReads.get(0)).contains("$filter=roleDefinitionId eq '/subscriptions/" + ArmEmulatorRun.SUB
          + "/providers/Microsoft.Authorization/roleDefinitions/");
    }

    @Test
    void theRoleMayBeNamedByItsDefinitionId() {
      String id = "/subscriptions/" + ArmEmulatorRun.SUB
          + "/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
      ElevationRequest request = ElevationRequest.builder().azureRole(id, RG_APP).strategy(Strategy.SELF)
          .duration(Duration.ofMinutes(30)).justification("by id").build();
      try (ActiveElevation elevation = run.selfElevator().elevate(request)) {
        assertThat(elevation.record().target().roleName()).contains("Key Vault Secrets Officer");
      }
    }
  }

  @Nested
  class BrokerAssignment {
    @Test
    void theBrokerAssignsTheCiWorkloadIdentityAndRemovesTheAssignment() throws Exception {
      ElevationOutcome outcome = run.brokerElevator().run(secretsOfficer(Strategy.BROKER).build(), context ->
          assertThat(run.emulator.activeAssignments()).anyMatch(a -> a.principalId().equals(CI) && !a.fromScenario()));

      assertThat(outcome.failure()).isEmpty();
      assertThat(outcome.record().principal().id()).isEqualTo(CI);
      assertThat(outcome.record().principal().type()).contains("ServicePrincipal");
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      ArmEmulatorRun.assertValidRecord(outcome.record());
    }

    @Test
    void aBrokerWithAWrongSecretFailsAsAnAuthenticationProblemNotAnOutage() {
      Elevator elevator = Elevator.builder().cloud(run.cloud).tenantId(run.emulator.tenantId())
          .polling(ArmEmulatorRun.polling()).identity(run.ci())
          .broker(Credentials.clientSecret(run.cloud, run.emulator.tenantId(), BROKER_APP, "not-the-secret"))
          .build();

      ElevationOutcome outcome = elevator.run(secretsOfficer(Strategy.BROKER).build(), context -> { });

      assertThat(outcome.failure()).hasValueSatisfying(f -> {
        assertThat(f.kind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(f.getMessage()).contains("AADSTS7000215").doesNotContain("not-the-secret");
      });
    }
  }

  @Nested
  class PlainRoleAssignment {
    @Test
    void theBrokerCreatesAMarkedAssignmentAndDeletesIt() throws Exception {
      ElevationOutcome outcome = run.brokerElevator().run(secretsOfficer(Strategy.RBAC).build(), context ->
          assertThat(run.emulator.activeAssignments()).anyMatch(a -> a.principalId().equals(CI)
              && a.surface().equals("arm-rbac") && !a.fromScenario()));

      assertThat(outcome.failure()).isEmpty();
      assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
      ArmEmulatorRun.assertValidRecord(outcome.record());
    }
  }
}
