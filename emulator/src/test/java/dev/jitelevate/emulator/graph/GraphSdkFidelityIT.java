package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.testing.DemoTenant.ALICE;
import static dev.jitelevate.emulator.testing.DemoTenant.ALICE_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.BROKER_APP;
import static dev.jitelevate.emulator.testing.DemoTenant.GRAPH_SCOPE;
import static dev.jitelevate.emulator.testing.DemoTenant.GROUP;
import static dev.jitelevate.emulator.testing.DemoTenant.PRIVILEGED_ROLE_ADMIN;
import static dev.jitelevate.emulator.testing.DemoTenant.USER_ADMIN;
import static dev.jitelevate.emulator.testing.DemoTenant.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.ExpirationPattern;
import com.microsoft.graph.models.ExpirationPatternType;
import com.microsoft.graph.models.PrivilegedAccessGroupAssignmentScheduleRequest;
import com.microsoft.graph.models.PrivilegedAccessGroupRelationships;
import com.microsoft.graph.models.RequestSchedule;
import com.microsoft.graph.models.ScheduleRequestActions;
import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleRequest;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyExpirationRule;
import com.microsoft.graph.models.UnifiedRoleScheduleRequestActions;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.PeriodAndDuration;
import dev.jitelevate.emulator.testing.DemoTenant;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The unmodified microsoft-graph v6 SDK (Kiota) against the emulator over HTTPS, with only the base URL and TLS
 * trust changed: directory-role and group PIM, filterByCurrentUser, policies with $expand, look-ups, errors, and
 * the wids/groups token claims as snapshots.
 */
class GraphSdkFidelityIT extends PerClassEmulator {
  private DemoTenant tenant;

  @BeforeAll
  void start() {
    tenant = new DemoTenant(emulator);
  }

  private static RequestSchedule forDuration(Duration duration) {
    RequestSchedule schedule = new RequestSchedule();
    schedule.setStartDateTime(OffsetDateTime.now());
    ExpirationPattern expiration = new ExpirationPattern();
    expiration.setType(ExpirationPatternType.AfterDuration);
    expiration.setDuration(PeriodAndDuration.ofDuration(duration));
    schedule.setExpiration(expiration);
    return schedule;
  }

  private static UnifiedRoleAssignmentScheduleRequest selfActivate(String roleId) {
    UnifiedRoleAssignmentScheduleRequest request = new UnifiedRoleAssignmentScheduleRequest();
    request.setAction(UnifiedRoleScheduleRequestActions.SelfActivate);
    request.setPrincipalId(ALICE);
    request.setRoleDefinitionId(roleId);
    request.setDirectoryScopeId("/");
    request.setJustification("release 42");
    request.setScheduleInfo(forDuration(Duration.ofHours(1)));
    return request;
  }

  /**
   * A fresh model per call: Kiota's backing store serialises only changed properties once a model has been
   * serialised, so posting the same instance twice sends an empty body.
   */
  private static UnifiedRoleAssignmentScheduleRequest assignBob() {
    UnifiedRoleAssignmentScheduleRequest assign = new UnifiedRoleAssignmentScheduleRequest();
    assign.setAction(UnifiedRoleScheduleRequestActions.AdminAssign);
    assign.setPrincipalId(BOB);
    assign.setRoleDefinitionId(USER_ADMIN);
    assign.setDirectoryScopeId("/");
    assign.setJustification("cover");
    assign.setScheduleInfo(forDuration(Duration.ofHours(1)));
    return assign;
  }

  private static PrivilegedAccessGroupAssignmentScheduleRequest groupActivation() {
    PrivilegedAccessGroupAssignmentScheduleRequest request = new PrivilegedAccessGroupAssignmentScheduleRequest();
    request.setAction(ScheduleRequestActions.SelfActivate);
    request.setPrincipalId(ALICE);
    request.setGroupId(GROUP);
    request.setAccessId(PrivilegedAccessGroupRelationships.Member);
    request.setJustification("deploy");
    request.setScheduleInfo(forDuration(Duration.ofHours(2)));
    return request;
  }

  @Nested
  class DirectoryRoles {
    @Test
    void aliceActivatesAndFindsHerInstanceThroughFilterByCurrentUser() {
      GraphServiceClient graph = tenant.graph(tenant.alice());
      var created = graph.roleManagement().directory().roleAssignmentScheduleRequests().post(selfActivate(USER_ADMIN));
      assertThat(created.getStatus()).isEqualTo("Provisioned");
      assertThat(created.getScheduleInfo().getExpiration().getType()).isEqualTo(ExpirationPatternType.AfterDuration);
      var fetched = graph.roleManagement().directory().roleAssignmentScheduleRequests()
          .byUnifiedRoleAssignmentScheduleRequestId(created.getId()).get();
      assertThat(fetched.getAction()).isEqualTo(UnifiedRoleScheduleRequestActions.SelfActivate);
      var instances = graph.roleManagement().directory().roleAssignmentScheduleInstances()
          .filterByCurrentUserWithOn("principal").get().getValue();
      assertThat(instances).singleElement().satisfies(i -> {
        assertThat(i.getRoleDefinitionId()).isEqualTo(USER_ADMIN);
        assertThat(i.getAssignmentType()).isEqualTo("Activated");
      });
      var eligible = graph.roleManagement().directory().roleEligibilityScheduleInstances()
          .filterByCurrentUserWithOn("principal").get().getValue();
      assertThat(eligible).hasSize(2);
      var mine = graph.roleManagement().directory().roleAssignmentScheduleRequests()
          .filterByCurrentUserWithOn("principal").get().getValue();
      assertThat(mine).hasSize(1);
    }

    @Test
    void aRequestAwaitingApprovalIsCanceled() {
      GraphServiceClient graph = tenant.graph(tenant.alice());
      var requests = graph.roleManagement().directory().roleAssignmentScheduleRequests();
      var pending = requests.post(selfActivate(PRIVILEGED_ROLE_ADMIN));
      assertThat(pending.getStatus()).isEqualTo("PendingApproval");
      requests.byUnifiedRoleAssignmentScheduleRequestId(pending.getId()).cancel().post();
      assertThat(requests.byUnifiedRoleAssignmentScheduleRequestId(pending.getId()).get().getStatus())
          .isEqualTo("Canceled");
    }

    @Test
    void aPolicyFailureSurfacesAsAnODataErrorWithTheServiceCode() {
      GraphServiceClient graph = tenant.graph(tenant.bob());
      UnifiedRoleAssignmentScheduleRequest request = selfActivate(USER_ADMIN);
      request.setPrincipalId(BOB);
      assertThatThrownBy(() -> graph.roleManagement().directory().roleAssignmentScheduleRequests().post(request))
          .isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(400);
            assertThat(e.getError().getCode()).isEqualTo("RoleAssignmentRequestPolicyValidationFailed");
            assertThat(e.getError().getMessage()).contains("EligibilityRule");
          });
    }

    @Test
    void theBrokerReadsTheDirectoryRolePolicyWithExpandedRules() {
      var assignments = tenant.graph(tenant.broker()).policies().roleManagementPolicyAssignments().get(rc -> {
        rc.queryParameters.filter = "scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq '"
            + USER_ADMIN + "'";
        rc.queryParameters.expand = new String[] {"policy($expand=rules)"};
      }).getValue();
      assertThat(assignments).singleElement().satisfies(a -> {
        assertThat(a.getPolicy().getRules()).hasSize(17);
        assertThat(a.getPolicy().getRules()).filteredOn(r -> r.getId().equals("Expiration_EndUser_Assignment"))
            .singleElement().isInstanceOfSatisfying(UnifiedRoleManagementPolicyExpirationRule.class,
                r -> assertThat(r.getMaximumDuration()).isEqualTo(PeriodAndDuration.ofDuration(Duration.ofHours(8))));
      });
    }
  }

  @Nested
  class Groups {
    @Test
    void aliceActivatesGroupMembershipAndTheBrokerSeesIt() {
      var group = tenant.graph(tenant.alice()).identityGovernance().privilegedAccess().group();
      var created = group.assignmentScheduleRequests().post(groupActivation());
      assertThat(created.getStatus()).isEqualTo("Provisioned");
      assertThat(created.getTargetScheduleId()).startsWith(GROUP + "_member_");
      assertThat(group.eligibilityScheduleInstances().filterByCurrentUserWithOn("principal").get().getValue())
          .singleElement().satisfies(e -> assertThat(e.getAccessId()).isEqualTo(PrivilegedAccessGroupRelationships.Member));
      var instances = tenant.graph(tenant.broker()).identityGovernance().privilegedAccess().group().assignmentScheduleInstances()
          .get(rc -> rc.queryParameters.filter = "groupId eq '" + GROUP + "'").getValue();
      assertThat(instances).anySatisfy(i -> assertThat(i.getPrincipalId()).isEqualTo(ALICE));
      var mine = group.assignmentScheduleRequests().filterByCurrentUserWithOn("principal").get().getValue();
      assertThat(mine).hasSize(1);
    }

    @Test
    void aGroupRequestScheduledForLaterIsCanceled() {
      var requests = tenant.graph(tenant.alice()).identityGovernance().privilegedAccess().group().assignmentScheduleRequests();
      PrivilegedAccessGroupAssignmentScheduleRequest later = groupActivation();
      later.getScheduleInfo().setStartDateTime(OffsetDateTime.now().plusHours(1));
      var granted = requests.post(later);
      assertThat(granted.getStatus()).isEqualTo("Granted");
      requests.byPrivilegedAccessGroupAssignmentScheduleRequestId(granted.getId()).cancel().post();
      assertThat(requests.byPrivilegedAccessGroupAssignmentScheduleRequestId(granted.getId()).get().getStatus())
          .isEqualTo("Canceled");
    }

    @Test
    void listingGroupInstancesWithoutAFilterIsRefused() {
      var instances = tenant.graph(tenant.broker()).identityGovernance().privilegedAccess().group().assignmentScheduleInstances();
      assertThatThrownBy(() -> instances.get()).isInstanceOfSatisfying(ODataError.class,
          e -> assertThat(e.getError().getMessage()).contains("$filter"));
    }
  }

  @Nested
  class Lookups {
    @Test
    void theBrokerResolvesUsersServicePrincipalsAndGroupsByName() {
      GraphServiceClient graph = tenant.graph(tenant.broker());
      assertThat(graph.users().byUserId(ALICE_UPN).get().getId()).isEqualTo(ALICE);
      assertThat(graph.users().get(rc -> rc.queryParameters.filter =
          "userPrincipalName eq '" + BOB_UPN + "'").getValue()).singleElement()
          .satisfies(u -> assertThat(u.getId()).isEqualTo(BOB));
      assertThat(graph.servicePrincipalsWithAppId(BROKER_APP).get().getDisplayName()).isNotBlank();
      assertThat(graph.servicePrincipals().get(rc -> rc.queryParameters.filter = "appId eq '" + BROKER_APP + "'")
          .getValue()).hasSize(1);
      assertThat(graph.groups().get(rc -> rc.queryParameters.filter = "displayName eq 'grp-prod-admins'").getValue())
          .singleElement().satisfies(g -> assertThat(g.getId()).isEqualTo(GROUP));
      assertThat(graph.directoryObjects().byDirectoryObjectId(GROUP).get().getOdataType())
          .isEqualTo("#microsoft.graph.group");
      assertThat(graph.roleManagement().directory().roleDefinitions()
          .get(rc -> rc.queryParameters.filter = "displayName eq 'User Administrator'").getValue())
          .singleElement().satisfies(r -> assertThat(r.getTemplateId()).isEqualTo(USER_ADMIN));
    }

    @Test
    void meIsTheSignedInUser() {
      assertThat(tenant.graph(tenant.alice()).me().get().getUserPrincipalName()).isEqualTo(ALICE_UPN);
    }

    @Test
    void anUnknownUserIsAnODataErrorWithStatus404() {
      assertThatThrownBy(() -> tenant.graph(tenant.broker()).users().byUserId("nobody@contoso-emu.onmicrosoft.com").get())
          .isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(404);
            assertThat(e.getError().getCode()).isEqualTo("Request_ResourceNotFound");
          });
    }
  }

  @Nested
  class OverTheWire {
    private String brokerToken() {
      return tenant.broker().getTokenSync(new TokenRequestContext().addScopes(GRAPH_SCOPE)).getToken();
    }

    @Test
    void throttlingAnswers429WithRetryAfterInTheDocumentedEnvelope() throws Exception {
      var http = new dev.jitelevate.emulator.testing.EmulatorHttp(emulator);
      String auth = "Bearer " + brokerToken();
      var original = emulator.hazards();
      emulator.hazards(original.withThrottleRps(1));
      try {
        dev.jitelevate.emulator.testing.EmulatorHttp.Response throttled = null;
        for (int i = 0; i < 20 && throttled == null; i++) {
          var response = http.get("v1.0/users/" + ALICE, "Authorization", auth);
          if (response.status() == 429) throttled = response;
        }
        assertThat(throttled).isNotNull();
        assertThat(throttled.header("Retry-After")).matches("\\d+(\\.\\d{1,3})?");
        assertThat(Double.parseDouble(throttled.header("Retry-After"))).isPositive();
        dev.jitelevate.emulator.testing.VectorShape.assertSameShape(
            dev.jitelevate.emulator.testing.VectorShape.vector("graph_error_throttled_429").path("response").path("body"),
            throttled.json());
      } finally {
        emulator.hazards(original);
      }
    }

    @Test
    void malformedJsonAnswersTheGraphEnvelopeNotAStackTrace() throws Exception {
      var http = new dev.jitelevate.emulator.testing.EmulatorHttp(emulator);
      var response = http.postJson("v1.0/roleManagement/directory/roleAssignmentScheduleRequests", "{\"action\":",
          "Authorization", "Bearer " + brokerToken());
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().path("error").path("code").asText()).isEqualTo("BadRequest");
      assertThat(response.json().path("error").path("innerError").path("request-id").asText()).isNotBlank();
    }
  }

  @Nested
  class TokenClaims {
    @Test
    void aClientReusingItsCachedTokenStaysRefusedUntilItGetsANewOne() {
      TokenCredential aliceCredential = tenant.alice();
      GraphServiceClient stale = tenant.graph(aliceCredential);
      var requests = stale.roleManagement().directory().roleAssignmentScheduleRequests();
      var pending = requests.post(selfActivate(PRIVILEGED_ROLE_ADMIN));
      emulator.decide(pending.getApprovalId(), true, BOB, "approved for the release");
      assertThat(requests.byUnifiedRoleAssignmentScheduleRequestId(pending.getId()).get().getStatus())
          .isEqualTo("Provisioned");
      assertThatThrownBy(() -> requests.post(assignBob())).isInstanceOfSatisfying(ODataError.class,
          e -> assertThat(e.getError().getCode()).isEqualTo("Authorization_RequestDenied"));
      var fresh = tenant.graph(tenant.alice()).roleManagement().directory().roleAssignmentScheduleRequests().post(assignBob());
      assertThat(fresh.getStatus()).isEqualTo("Provisioned");
    }

    @Test
    void onlyATokenIssuedAfterActivationCarriesWidsAndGroups() {
      JsonNode before = claims(tenant.alice(), GRAPH_SCOPE);
      assertThat(before.has("wids")).isFalse();
      assertThat(before.has("groups")).isFalse();
      GraphServiceClient graph = tenant.graph(tenant.alice());
      graph.roleManagement().directory().roleAssignmentScheduleRequests().post(selfActivate(USER_ADMIN));
      graph.identityGovernance().privilegedAccess().group().assignmentScheduleRequests().post(groupActivation());
      JsonNode after = claims(tenant.alice(), GRAPH_SCOPE);
      assertThat(after.path("wids").toString()).contains(USER_ADMIN);
      assertThat(after.path("groups").toString()).contains(GROUP);
      assertThat(emulator.validateToken(tenant.alice().getTokenSync(new TokenRequestContext().addScopes(GRAPH_SCOPE))
          .getToken(), "https://graph.microsoft.com").orElseThrow().wids()).contains(USER_ADMIN);
    }
  }
}
