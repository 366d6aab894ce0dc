package dev.jitelevate.core.it.arm;

import static dev.jitelevate.core.it.arm.ArmEmulatorRun.CI;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.RG_APP;
import static dev.jitelevate.core.it.arm.ArmEmulatorRun.SUB_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentInner;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.SweepReport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

/** The rbac sweep removes marked assignments whose expiry passed (a killed runner's leftovers), and only those. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArmSweepIT {
  private static final String SECRETS_USER = SUB_SCOPE
      + "/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86d0e6e";
  private static final String READER = SUB_SCOPE
      + "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7";
  private static final String SECRETS_OFFICER = SUB_SCOPE
      + "/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
  @RegisterExtension
  static final ArmEmulatorRun run = new ArmEmulatorRun();

  private RoleAssignmentInner assign(String role, String description) {
    return run.brokerSdk().getRoleAssignments().create(RG_APP, UUID.randomUUID().toString(),
        new RoleAssignmentCreateParameters().withRoleDefinitionId(role).withPrincipalId(CI).withDescription(description));
  }

  private static String marker(Instant expires) {
    return "jit-elevate:expires=" + expires.truncatedTo(ChronoUnit.SECONDS) + ";run=" + UUID.randomUUID();
  }

  @Test
  void theSweepRemovesExpiredMarkedLeftoversAndKeepsEverythingElse() {
    Instant now = Instant.now();
    RoleAssignmentInner expired = assign(SECRETS_USER, marker(now.minusSeconds(600)));
    RoleAssignmentInner current = assign(SECRETS_OFFICER, marker(now.plusSeconds(3600)));
    RoleAssignmentInner unmarked = assign(READER, "granted by hand for the audit");

    SweepReport report = run.brokerElevator().sweep(ArmScope.parse(SUB_SCOPE));

    assertThat(report.removedAssignmentIds()).containsExactly(expired.id());
    assertThat(report.keptAssignmentIds()).contains(current.id()).doesNotContain(unmarked.id());
    assertThat(run.leaks()).noneMatch(a -> a.role().contains("Secrets User") || a.role().contains("4633458b"));
    run.brokerSdk().getRoleAssignments().deleteById(current.id());
    run.brokerSdk().getRoleAssignments().deleteById(unmarked.id());
  }
}
