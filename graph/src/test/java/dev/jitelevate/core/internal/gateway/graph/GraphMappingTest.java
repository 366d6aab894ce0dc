package dev.jitelevate.core.internal.gateway.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.ApprovalSettings;
import com.microsoft.graph.models.SingleUser;
import com.microsoft.graph.models.SubjectSet;
import com.microsoft.graph.models.UnifiedApprovalStage;
import com.microsoft.graph.models.UnifiedRoleManagementPolicy;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyApprovalRule;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyEnablementRule;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyExpirationRule;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyRule;
import com.microsoft.kiota.PeriodAndDuration;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.internal.gateway.EffectivePolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Period;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GraphMappingTest {

  @Nested
  class Policies {
    private UnifiedRoleManagementPolicy policy() {
      var endUser = new UnifiedRoleManagementPolicyExpirationRule();
      endUser.setId("Expiration_EndUser_Assignment");
      endUser.setMaximumDuration(PeriodAndDuration.ofDuration(Duration.ofHours(4)));
      var admin = new UnifiedRoleManagementPolicyExpirationRule();
      admin.setId("Expiration_Admin_Assignment");
      admin.setIsExpirationRequired(true);
      admin.setMaximumDuration(PeriodAndDuration.ofPeriod(Period.ofDays(180)));
      var endUserEnablement = new UnifiedRoleManagementPolicyEnablementRule();
      endUserEnablement.setId("Enablement_EndUser_Assignment");
      endUserEnablement.setEnabledRules(List.of("MultiFactorAuthentication", "Justification"));
      var adminEnablement = new UnifiedRoleManagementPolicyEnablementRule();
      adminEnablement.setId("Enablement_Admin_Assignment");
      adminEnablement.setEnabledRules(List.of("Ticketing"));
      var approver = new SingleUser();
      approver.setUserId("bob");
      var stage = new UnifiedApprovalStage();
      stage.setPrimaryApprovers(List.<SubjectSet>of(approver));
      var settings = new ApprovalSettings();
      settings.setIsApprovalRequired(true);
      settings.setApprovalStages(List.of(stage));
      var approval = new UnifiedRoleManagementPolicyApprovalRule();
      approval.setId("Approval_EndUser_Assignment");
      approval.setSetting(settings);
      var policy = new UnifiedRoleManagementPolicy();
      policy.setId("DirectoryRole_t_p");
      policy.setRules(List.<UnifiedRoleManagementPolicyRule>of(endUser, admin, endUserEnablement, adminEnablement, approval));
      return policy;
    }

    @Test
    void anActivatingUserGetsTheEndUserRulesApprovalAndApprovers() {
      EffectivePolicy read = PolicyReader.read(policy(), false);
      assertThat(read.maximumActivation()).isEqualTo(Duration.ofHours(4));
      assertThat(read.maximumAdminAssignment()).isEqualTo(Duration.ofDays(180));
      assertThat(read.requireMfa()).isTrue();
      assertThat(read.requireJustification()).isTrue();
      assertThat(read.requireTicket()).isFalse();
      assertThat(read.requireApproval()).isTrue();
      assertThat(read.approverIds()).containsExactly("bob");
      assertThat(read.policyId()).isEqualTo("DirectoryRole_t_p");
    }

    @Test
    void anAssigningApplicationGetsTheAdminEnablementRules() {
      EffectivePolicy read = PolicyReader.read(policy(), true);
      assertThat(read.requireTicket()).isTrue();
      assertThat(read.requireMfa()).isFalse();
      assertThat(read.requireJustification()).isFalse();
    }
  }

  @Nested
  class Markers {
    @Test
    void ourRequestIdTravelsAtTheEndOfTheJustificationAndIsReadBack() {
      String tagged = RequestMarker.tag("release 42", "0f8b2c9e-1111-4a2b-9c3d-123456789abc");
      assertThat(tagged).startsWith("release 42 ");
      assertThat(RequestMarker.requestIdIn(tagged)).contains("0f8b2c9e-1111-4a2b-9c3d-123456789abc");
      assertThat(RequestMarker.requestIdIn("release 42")).isEmpty();
      assertThat(RequestMarker.requestIdIn(null)).isEmpty();
    }
  }

  @Nested
  class Operations {
    @Test
    void operationsAreNamedByResourceAndVerbWithoutIdsOrQueries() {
      assertThat(CallReporter.operationOf("POST", List.of("v1.0", "roleManagement", "directory", "roleAssignmentScheduleRequests")))
          .isEqualTo("roleAssignmentScheduleRequests.create");
      assertThat(CallReporter.operationOf("POST", List.of("v1.0", "identityGovernance", "privilegedAccess", "group",
          "assignmentScheduleRequests", "9a9a9a9a-0000-4000-8000-000000000001", "cancel")))
          .isEqualTo("assignmentScheduleRequests.cancel");
      assertThat(CallReporter.operationOf("GET", List.of("v1.0", "directoryObjects", "a11ce000-0000-4000-8000-000000000001")))
          .isEqualTo("directoryObjects.get");
      assertThat(CallReporter.operationOf("GET", List.of("v1.0", "roleManagement", "directory",
          "roleEligibilityScheduleInstances", "filterByCurrentUser(on='principal')")))
          .isEqualTo("roleEligibilityScheduleInstances.filterByCurrentUser");
    }
  }

  @Nested
  class Claims {
    private String jwt(String payload) {
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
          + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void anAppTokensRolesAndGroupsAreRead() {
      TokenClaims claims = TokenClaims.parse(jwt("{\"oid\":\"o1\",\"idtyp\":\"app\",\"appid\":\"a1\","
          + "\"wids\":[\"w1\"],\"groups\":[\"g1\"]}"));
      assertThat(claims.isApp()).isTrue();
      assertThat(claims.wids()).containsExactly("w1");
      assertThat(claims.groups()).contains(List.of("g1"));
      assertThat(claims.groupsOverage()).isFalse();
    }

    @Test
    void aUserTokenWithoutGroupsHasNoGroupsClaimAndOverageIsNoticed() {
      TokenClaims claims = TokenClaims.parse(jwt("{\"oid\":\"o1\",\"idtyp\":\"user\",\"name\":\"Alice\","
          + "\"scp\":\"User.Read\",\"_claim_names\":{\"groups\":\"src1\"}}"));
      assertThat(claims.isApp()).isFalse();
      assertThat(claims.name()).contains("Alice");
      assertThat(claims.groups()).isEmpty();
      assertThat(claims.groupsOverage()).isTrue();
    }

    @Test
    void somethingThatIsNotAJwtIsAnAuthenticationFailureWithoutTheTokenInTheMessage() {
      assertThatThrownBy(() -> TokenClaims.parse("opaque-secret-token"))
          .isInstanceOf(ElevationException.class).hasMessageNotContaining("opaque-secret-token");
    }
  }
}
