package dev.jitelevate.core.internal.gateway.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentScheduleRequestInner;
import com.azure.resourcemanager.authorization.models.ApprovalSettings;
import com.azure.resourcemanager.authorization.models.ApprovalStage;
import com.azure.resourcemanager.authorization.models.EnablementRules;
import com.azure.resourcemanager.authorization.models.RequestType;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyApprovalRule;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyEnablementRule;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyExpirationRule;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyRule;
import com.azure.resourcemanager.authorization.models.Type;
import com.azure.resourcemanager.authorization.models.UserSet;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.TicketInfo;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import dev.jitelevate.core.internal.gateway.PrincipalType;
import dev.jitelevate.core.internal.gateway.ResolvedTarget.RoleActions;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ScheduleAction;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArmMappingTest {
  private static final String ROLE = "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
  private static final ResolvedTarget TARGET = new ResolvedTarget(SurfaceKind.ARM, Optional.of(ROLE), "Key Vault Secrets Officer",
      "/subscriptions/s/resourceGroups/rg-app", Optional.empty(), RoleActions.none());

  @Nested
  class Policies {
    private final List<RoleManagementPolicyRule> rules = List.of(
        new RoleManagementPolicyExpirationRule().withMaximumDuration("PT4H").withId("Expiration_EndUser_Assignment"),
        new RoleManagementPolicyExpirationRule().withMaximumDuration("P365D").withId("Expiration_Admin_Assignment"),
        new RoleManagementPolicyEnablementRule().withEnabledRules(List.of(EnablementRules.JUSTIFICATION,
            EnablementRules.TICKETING, EnablementRules.MULTI_FACTOR_AUTHENTICATION)).withId("Enablement_EndUser_Assignment"),
        new RoleManagementPolicyEnablementRule().withEnabledRules(List.of(EnablementRules.JUSTIFICATION))
            .withId("Enablement_Admin_Assignment"),
        new RoleManagementPolicyApprovalRule().withSetting(new ApprovalSettings().withIsApprovalRequired(true)
            .withApprovalStages(List.of(new ApprovalStage().withPrimaryApprovers(List.of(new UserSet().withId("bob"))))))
            .withId("Approval_EndUser_Assignment"));

    @Test
    void activationsGetTheEndUserRulesAndApprovers() {
      EffectivePolicy p = PolicyMapping.from(rules, "policy-1", false);
      assertThat(p.maximumActivation()).isEqualTo(Duration.ofHours(4));
      assertThat(p.maximumAdminAssignment()).isEqualTo(Duration.ofDays(365));
      assertThat(p.requireJustification()).isTrue();
      assertThat(p.requireTicket()).isTrue();
      assertThat(p.requireMfa()).isTrue();
      assertThat(p.requireApproval()).isTrue();
      assertThat(p.approverIds()).containsExactly("bob");
      assertThat(p.policyId()).isEqualTo("policy-1");
    }

    @Test
    void adminAssignmentsGetTheAdminEnablementRules() {
      EffectivePolicy p = PolicyMapping.from(rules, "policy-1", true);
      assertThat(p.requireJustification()).isTrue();
      assertThat(p.requireTicket()).isFalse();
      assertThat(p.requireMfa()).isFalse();
    }

    @Test
    void missingRulesMeanNoLimitsAndNoRequirements() {
      EffectivePolicy p = PolicyMapping.from(List.of(), "p", false);
      assertThat(p.maximumActivation()).isNull();
      assertThat(p.requireJustification()).isFalse();
      assertThat(p.requireApproval()).isFalse();
      assertThat(p.approverIds()).isEmpty();
    }
  }

  @Nested
  class ScheduleRequestBodies {
    @Test
    void anActivationCarriesItsDurationTicketAndLinkedEligibility() {
      ScheduleRequestSpec spec = new ScheduleRequestSpec("req-1", ScheduleAction.SELF_ACTIVATE, PrincipalId.of(
          "a11ce000-0000-4000-8000-000000000001"), TARGET, Optional.empty(), Duration.ofMinutes(30), "why",
          Optional.of(new TicketInfo("INC-1", "SNOW")), Optional.of("/elig/1"), Optional.empty());

      RoleAssignmentScheduleRequestInner body = ScheduleRequests.body(spec);

      assertThat(body.requestType()).isEqualTo(RequestType.SELF_ACTIVATE);
      assertThat(body.roleDefinitionId()).isEqualTo(ROLE);
      assertThat(body.scheduleInfo().expiration().type()).isEqualTo(Type.AFTER_DURATION);
      assertThat(body.scheduleInfo().expiration().duration()).isEqualTo("PT30M");
      assertThat(body.ticketInfo().ticketNumber()).isEqualTo("INC-1");
      assertThat(body.linkedRoleEligibilityScheduleId()).isEqualTo("/elig/1");
      assertThat(ScheduleRequests.isSame(body.withPrincipalId("A11CE000-0000-4000-8000-000000000001"), spec)).isTrue();
    }

    @Test
    void aRemovalHasNoSchedule() {
      ScheduleRequestSpec spec = new ScheduleRequestSpec("req-2", ScheduleAction.ADMIN_REMOVE, PrincipalId.of(
          "c1c1c1c1-0000-4000-8000-000000000001"), TARGET, Optional.empty(), Duration.ofMinutes(30), "",
          Optional.empty(), Optional.empty(), Optional.empty());

      RoleAssignmentScheduleRequestInner body = ScheduleRequests.body(spec);

      assertThat(body.requestType()).isEqualTo(RequestType.ADMIN_REMOVE);
      assertThat(body.scheduleInfo()).isNull();
      assertThat(body.justification()).isNull();
    }
  }

  @Nested
  class Effectiveness {
    private final RoleActions officer = new RoleActions(List.of("Microsoft.KeyVault/vaults/read"), List.of(),
        List.of("Microsoft.KeyVault/vaults/secrets/*"), List.of());

    @Test
    void wildcardsGrantAndExclusionsTakeAway() {
      var contributor = new ArmClient.Permission(List.of("*"), List.of("Microsoft.Authorization/*/Write"), List.of(), List.of());
      assertThat(EffectiveAccess.firstMissing(new RoleActions(List.of("Microsoft.KeyVault/vaults/read"), List.of(),
          List.of(), List.of()), List.of(contributor))).isEmpty();
      assertThat(EffectiveAccess.firstMissing(new RoleActions(List.of("Microsoft.Authorization/roleAssignments/write"),
          List.of(), List.of(), List.of()), List.of(contributor))).isPresent();
    }

    @Test
    void aReaderDoesNotMakeTheOfficersDataActionsEffective() {
      var reader = new ArmClient.Permission(List.of("*/read"), List.of(), List.of(), List.of());
      assertThat(EffectiveAccess.firstMissing(officer, List.of(reader))).contains("Microsoft.KeyVault/vaults/secrets/* (data action)");
    }

    @Test
    void theRolesOwnEntryMakesItEffective() {
      var entry = new ArmClient.Permission(officer.actions(), List.of(), officer.dataActions(), List.of());
      assertThat(EffectiveAccess.firstMissing(officer, List.of(entry))).isEmpty();
    }
  }

  @Nested
  class Names {
    @Test
    void operationsAreNamedByCollectionAndVerbNeverByUrl() {
      String base = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Authorization/";
      assertThat(ArmOperation.name("PUT", base + "roleAssignmentScheduleRequests/abc")).isEqualTo("roleAssignmentScheduleRequests.create");
      assertThat(ArmOperation.name("POST", base + "roleAssignmentScheduleRequests/abc/cancel")).isEqualTo("roleAssignmentScheduleRequests.cancel");
      assertThat(ArmOperation.name("GET", base + "roleEligibilityScheduleInstances")).isEqualTo("roleEligibilityScheduleInstances.list");
      assertThat(ArmOperation.name("GET", base + "roleDefinitions/b86a")).isEqualTo("roleDefinitions.get");
      assertThat(ArmOperation.name("DELETE", base + "roleAssignments/x")).isEqualTo("roleAssignments.delete");
      assertThat(ArmOperation.name("GET", "/subscriptions/s/resourceGroups/rg")).isEqualTo("resources.get");
    }

    @Test
    void scopesCoverTheirDescendantsOnly() {
      assertThat(ArmScopes.covers("/subscriptions/S", "/subscriptions/s/resourceGroups/rg")).isTrue();
      assertThat(ArmScopes.covers("/subscriptions/s/resourceGroups/rg", "/subscriptions/s")).isFalse();
      assertThat(ArmScopes.covers("/subscriptions/s/resourceGroups/rg", "/subscriptions/s/resourceGroups/rg2")).isFalse();
      assertThat(ArmScopes.covers("/", "/subscriptions/s")).isTrue();
      assertThat(ArmScopes.sameRole(ROLE, "B86A8FE4-44CE-4948-AEE5-ECCB2C155CD7")).isTrue();
      assertThat(ArmScopes.arg("/subscriptions/s")).isEqualTo("subscriptions/s");
    }

    @Test
    void tokenClaimsTellUsersFromApps() {
      assertThat(TokenClaims.parse(jwt("{\"oid\":\"a11ce000-0000-4000-8000-000000000001\",\"idtyp\":\"user\",\"name\":\"Alice\"}")))
          .satisfies(c -> {
            assertThat(c.isUser()).isTrue();
            assertThat(c.name()).contains("Alice");
          });
      assertThat(TokenClaims.parse(jwt("{\"oid\":\"c1c1c1c1-0000-4000-8000-000000000001\",\"idtyp\":\"app\"}")).type())
          .isEqualTo(PrincipalType.SERVICE_PRINCIPAL);
    }

    private String jwt(String payload) {
      java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
      return b64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + b64.encodeToString(payload.getBytes()) + ".sig";
    }
  }
}
