package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Hazards;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GraphDirectoryRolesTest {
  private static final String REQUESTS = "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests";
  private static final String INSTANCES = "/v1.0/roleManagement/directory/roleAssignmentScheduleInstances";
  private final GraphFixture graph = new GraphFixture();

  private static void assertError(EmulatorResponse response, int status, String code) {
    assertThat(response.status()).as(new String(response.body())).isEqualTo(status);
    assertThat(response.bodyJson().path("error").path("code").asText()).isEqualTo(code);
  }

  private EmulatorResponse activateUserAdmin(String token) {
    return graph.post(token, REQUESTS, selfActivate(ALICE, USER_ADMIN, "PT1H", "ticket 42"));
  }

  @Nested
  class Authentication {
    @Test
    void aRequestWithoutATokenIsRefusedWithTheGraphEnvelope() {
      EmulatorResponse response = graph.get(null, INSTANCES);
      assertError(response, 401, "InvalidAuthenticationToken");
      JsonNode error = response.bodyJson().path("error");
      assertThat(error.path("message").asText()).isEqualTo("Access token is empty.");
      assertThat(error.path("innerError").path("request-id").asText()).startsWith("req-");
      assertThat(error.path("innerError").has("date")).isTrue();
      assertThat(error.path("innerError").has("client-request-id")).isTrue();
    }

    @Test
    void anUnknownTokenIsRefused() {
      assertError(graph.get("forged", INSTANCES), 401, "InvalidAuthenticationToken");
    }

    @Test
    void anAppWithoutTheRoleManagementPermissionIsDenied() {
      EmulatorResponse response = graph.get(graph.appToken(CI), INSTANCES);
      assertError(response, 403, "Authorization_RequestDenied");
      assertThat(response.bodyJson().path("error").path("message").asText())
          .isEqualTo("Insufficient privileges to complete the operation.");
    }

    @Test
    void aDelegatedUserWithoutTheScopeIsDenied() {
      String token = graph.userToken(ALICE, java.util.Set.of("User.Read"), true);
      assertError(activateUserAdmin(token), 403, "Authorization_RequestDenied");
    }

    @Test
    void malformedJsonIsABadRequest() {
      assertError(graph.post(graph.userToken(ALICE), REQUESTS, "{not json"), 400, "BadRequest");
    }

    @Test
    void anUnknownActionIsABadRequestNamingTheValidOnes() {
      EmulatorResponse response = graph.post(graph.userToken(ALICE), REQUESTS,
          roleRequest("selfElevate", ALICE, USER_ADMIN, "{\"type\":\"afterDuration\",\"duration\":\"PT1H\"}"));
      assertError(response, 400, "BadRequest");
      assertThat(response.bodyJson().path("error").path("message").asText()).contains("selfActivate");
    }
  }

  @Nested
  class SelfActivation {
    @Test
    void anEligibleUserActivatesAndTheInstanceAppears() {
      EmulatorResponse response = activateUserAdmin(graph.userToken(ALICE));
      assertThat(response.status()).isEqualTo(201);
      JsonNode body = response.bodyJson();
      assertThat(body.path("status").asText()).isEqualTo("Provisioned");
      assertThat(body.path("action").asText()).isEqualTo("selfActivate");
      assertThat(body.path("scheduleInfo").path("expiration").path("type").asText()).isEqualTo("afterDuration");
      assertThat(body.path("targetScheduleId").asText()).isEqualTo(body.path("id").asText());
      JsonNode instances = graph.get(graph.userToken(ALICE), INSTANCES + "/filterByCurrentUser(on='principal')")
          .bodyJson().path("value");
      assertThat(instances).hasSize(1);
      assertThat(instances.get(0).path("assignmentType").asText()).isEqualTo("Activated");
      assertThat(instances.get(0).path("endDateTime").asText()).isEqualTo("2026-03-01T09:00:00Z");
    }

    @Test
    void aMemberOfAnEligibleGroupMayActivateTheRoleAndGetsItInWids() {
      String securityReader = "5d6b6bb7-de71-4623-b4af-96380a352509";
      EmulatorResponse response = graph.post(graph.userToken(CAROL, USER_SCOPES, false), REQUESTS,
          selfActivate(CAROL, securityReader, "PT1H", "audit"));
      assertThat(response.status()).as(new String(response.body())).isEqualTo(201);
      assertThat(graph.context.require(dev.jitelevate.emulator.kernel.ClaimsSource.class)
          .directoryRoleTemplateIds(CAROL)).containsExactly(securityReader);
    }

    @Test
    void aUserWithoutEligibilityFailsTheEligibilityRule() {
      EmulatorResponse response = graph.post(graph.userToken(BOB), REQUESTS,
          selfActivate(BOB, USER_ADMIN, "PT1H", "because"));
      assertError(response, 400, "RoleAssignmentRequestPolicyValidationFailed");
      assertThat(response.bodyJson().path("error").path("message").asText())
          .isEqualTo("The following policy rules failed: [\"EligibilityRule\"]");
    }

    @Test
    void everyFailingRuleIsListedTogether() {
      String token = graph.userToken(CAROL, USER_SCOPES, false);
      EmulatorResponse response = graph.post(token, REQUESTS, selfActivate(CAROL, GROUPS_ADMIN, "PT2H", null));
      assertThat(response.bodyJson().path("error").path("message").asText()).isEqualTo(
          "The following policy rules failed: [\"ExpirationRule\",\"JustificationRule\",\"TicketingRule\",\"MfaRule\"]");
    }

    @Test
    void aTokenWithoutMfaFailsTheMfaRule() {
      String token = graph.userToken(ALICE, USER_SCOPES, false);
      EmulatorResponse response = graph.post(token, REQUESTS,
          selfActivate(ALICE, PRIVILEGED_ROLE_ADMIN, "PT1H", "incident"));
      assertThat(response.bodyJson().path("error").path("message").asText())
          .isEqualTo("The following policy rules failed: [\"MfaRule\"]");
    }

    @Test
    void aUserCannotSelfActivateForSomeoneElse() {
      EmulatorResponse response = graph.post(graph.userToken(BOB), REQUESTS,
          selfActivate(ALICE, USER_ADMIN, "PT1H", "x"));
      assertError(response, 403, "Authorization_RequestDenied");
    }

    @Test
    void activatingAnActiveRoleAgainFailsWithRoleAssignmentExists() {
      activateUserAdmin(graph.userToken(ALICE));
      EmulatorResponse again = activateUserAdmin(graph.userToken(ALICE));
      assertError(again, 400, "RoleAssignmentExists");
      assertThat(again.bodyJson().path("error").path("message").asText()).isEqualTo("The Role assignment already exists.");
    }

    @Test
    void aFutureStartIsGrantedUntilItArrives() {
      String body = """
          {"action":"selfActivate","principalId":"%s","roleDefinitionId":"%s","directoryScopeId":"/",
           "justification":"later","scheduleInfo":{"startDateTime":"2026-03-01T10:00:00Z",
           "expiration":{"type":"afterDuration","duration":"PT1H"}}}""".formatted(ALICE, USER_ADMIN);
      JsonNode created = graph.post(graph.userToken(ALICE), REQUESTS, body).bodyJson();
      assertThat(created.path("status").asText()).isEqualTo("Granted");
      graph.advance(Duration.ofHours(2));
      JsonNode later = graph.get(graph.userToken(ALICE), REQUESTS + "/" + created.path("id").asText()).bodyJson();
      assertThat(later.path("status").asText()).isEqualTo("Provisioned");
    }

    @Test
    void validationOnlyChecksThePolicyAndPersistsNothing() {
      String body = selfActivate(ALICE, USER_ADMIN, "PT1H", "dry run").replace("\"action\"",
          "\"isValidationOnly\":true,\"action\"");
      JsonNode created = graph.post(graph.userToken(ALICE), REQUESTS, body).bodyJson();
      assertThat(created.path("isValidationOnly").asBoolean()).isTrue();
      assertThat(graph.get(graph.appToken(BROKER), INSTANCES + "?$filter=principalId eq '" + ALICE + "'")
          .bodyJson().path("value")).isEmpty();
      assertThat(graph.get(graph.appToken(BROKER), REQUESTS).bodyJson().path("value")).isEmpty();
      assertError(graph.post(graph.userToken(ALICE), REQUESTS, body.replace("PT1H", "PT9H")), 400,
          "RoleAssignmentRequestPolicyValidationFailed");
    }
  }

  @Nested
  class Deactivation {
    @Test
    void deactivatingWithinTheFloorFailsWithActiveDurationTooShort() {
      activateUserAdmin(graph.userToken(ALICE));
      graph.advance(Duration.ofMinutes(2));
      EmulatorResponse response = graph.post(graph.userToken(ALICE), REQUESTS,
          roleRequest("selfDeactivate", ALICE, USER_ADMIN, "{}"));
      assertError(response, 400, "ActiveDurationTooShort");
      assertThat(response.bodyJson().path("error").path("message").asText())
          .isEqualTo("The Active duration is too short. Miniumum Required is 5 minutes.");
    }

    @Test
    void deactivatingAfterTheFloorRevokesTheInstance() {
      activateUserAdmin(graph.userToken(ALICE));
      graph.advance(Duration.ofMinutes(6));
      EmulatorResponse response = graph.post(graph.userToken(ALICE), REQUESTS,
          roleRequest("SelfDeactivate", ALICE, USER_ADMIN, "{}"));
      assertThat(response.status()).isEqualTo(201);
      assertThat(response.bodyJson().path("status").asText()).isEqualTo("Revoked");
      assertThat(graph.surface.activeAssignments()).noneMatch(a -> a.principalId().equals(ALICE));
    }

    @Test
    void deactivatingNothingFailsWithRoleAssignmentDoesNotExist() {
      assertError(graph.post(graph.userToken(ALICE), REQUESTS, roleRequest("selfDeactivate", ALICE, USER_ADMIN, "{}")),
          400, "RoleAssignmentDoesNotExist");
    }

    @Test
    void theServerRemovesAnInstanceAtItsEnd() {
      activateUserAdmin(graph.userToken(ALICE));
      graph.advance(Duration.ofMinutes(61));
      assertThat(graph.get(graph.appToken(BROKER), INSTANCES + "?$filter=principalId eq '" + ALICE + "'")
          .bodyJson().path("value")).isEmpty();
    }
  }

  @Nested
  class AdminActions {
    private final String adminAssignSp = roleRequest("adminAssign", CI, GLOBAL_READER,
        "{\"type\":\"afterDuration\",\"duration\":\"PT2H\"}");

    @Test
    void theBrokerAppGivesAServicePrincipalATimeBoundAssignment() {
      JsonNode created = graph.post(graph.appToken(BROKER), REQUESTS, adminAssignSp).bodyJson();
      assertThat(created.path("status").asText()).isEqualTo("Provisioned");
      assertThat(created.path("createdBy").path("application").path("id").asText()).isEqualTo(BROKER_APP_ID);
      JsonNode assignments = graph.get(graph.appToken(BROKER),
          "/v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '" + CI + "'").bodyJson();
      assertThat(assignments.path("value")).hasSize(1);
      assertThat(assignments.path("value").get(0).path("roleDefinitionId").asText()).isEqualTo(GLOBAL_READER);
    }

    @Test
    void anAdminAssignmentWithoutJustificationBreaksAzuresDefaultEnablementRule() {
      String unjustified = adminAssignSp.replace("\"justification\":\"needed\",", "");
      EmulatorResponse response = graph.post(graph.appToken(BROKER), REQUESTS, unjustified);
      assertThat(response.bodyJson().path("error").path("message").asText())
          .isEqualTo("The following policy rules failed: [\"JustificationRule\"]");
      JsonNode rules = graph.get(graph.appToken(BROKER), "/v1.0/policies/roleManagementPolicyAssignments?$filter="
          + "scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq '" + GLOBAL_READER
          + "'&$expand=policy($expand=rules)").bodyJson().path("value").get(0).path("policy").path("rules");
      JsonNode enablement = java.util.stream.StreamSupport.stream(rules.spliterator(), false)
          .filter(r -> r.path("id").asText().equals("Enablement_Admin_Assignment")).findFirst().orElseThrow();
      assertThat(enablement.path("enabledRules").toString()).isEqualTo("[\"Justification\"]");
    }

    @Test
    void aServicePrincipalCannotGetAPermanentAssignment() {
      EmulatorResponse response = graph.post(graph.appToken(BROKER), REQUESTS,
          roleRequest("adminAssign", CI, GLOBAL_READER, "{\"type\":\"noExpiration\"}"));
      assertThat(response.bodyJson().path("error").path("message").asText())
          .isEqualTo("The following policy rules failed: [\"ExpirationRule\"]");
    }

    @Test
    void aServicePrincipalCannotBeMadeEligible() {
      EmulatorResponse response = graph.post(graph.appToken(BROKER),
          "/v1.0/roleManagement/directory/roleEligibilityScheduleRequests",
          roleRequest("adminAssign", CI, GLOBAL_READER, "{\"type\":\"afterDuration\",\"duration\":\"P30D\"}"));
      assertError(response, 400, "InvalidPrincipalType");
    }

    @Test
    void adminRemoveWithinTheFloorIsRefusedAndAfterwardsRevokes() {
      graph.post(graph.appToken(BROKER), REQUESTS, adminAssignSp);
      String remove = roleRequest("adminRemove", CI, GLOBAL_READER, "{}");
      assertError(graph.post(graph.appToken(BROKER), REQUESTS, remove), 400, "ActiveDurationTooShort");
      graph.advance(Duration.ofMinutes(5));
      assertThat(graph.post(graph.appToken(BROKER), REQUESTS, remove).bodyJson().path("status").asText())
          .isEqualTo("Revoked");
      assertError(graph.post(graph.appToken(BROKER), REQUESTS, remove), 400, "RoleAssignmentDoesNotExist");
    }

    @Test
    void aUserTokenWithoutAnAdminRoleInWidsCannotAssign() {
      assertError(graph.post(graph.userToken(ALICE), REQUESTS, adminAssignSp), 403, "Authorization_RequestDenied");
    }

    @Test
    void aStandingPrivilegedRoleAdministratorMayAssign() {
      assertThat(graph.post(graph.userToken(DAVE), REQUESTS, adminAssignSp).status()).isEqualTo(201);
    }

    @Test
    void aTokenIssuedBeforeActivationStillLacksTheRoleUntilANewOneIsIssued() {
      String stale = graph.userToken(ALICE);
      String approve = activatePrivilegedRoleAdminApproved();
      assertThat(approve).isEqualTo("Provisioned");
      assertError(graph.post(stale, REQUESTS, adminAssignSp), 403, "Authorization_RequestDenied");
      assertThat(graph.post(graph.userToken(ALICE), REQUESTS, adminAssignSp).status()).isEqualTo(201);
    }

    @Test
    void adminExtendMovesTheEndOfAnExistingAssignment() {
      graph.post(graph.appToken(BROKER), REQUESTS, adminAssignSp);
      JsonNode extended = graph.post(graph.appToken(BROKER), REQUESTS, roleRequest("adminExtend", CI, GLOBAL_READER,
          "{\"type\":\"afterDuration\",\"duration\":\"PT5H\"}")).bodyJson();
      assertThat(extended.path("status").asText()).isEqualTo("Provisioned");
      JsonNode instance = graph.get(graph.appToken(BROKER), INSTANCES + "?$filter=principalId eq '" + CI + "'")
          .bodyJson().path("value").get(0);
      assertThat(instance.path("endDateTime").asText()).isEqualTo("2026-03-01T13:00:00Z");
    }

    @Test
    void eligibilityIsGrantedAndADuplicateFailsWithRoleAssignmentExists() {
      String path = "/v1.0/roleManagement/directory/roleEligibilityScheduleRequests";
      String body = roleRequest("adminAssign", BOB, GROUPS_ADMIN, "{\"type\":\"noExpiration\"}");
      assertThat(graph.post(graph.appToken(BROKER), path, body).bodyJson().path("status").asText())
          .isEqualTo("Provisioned");
      assertError(graph.post(graph.appToken(BROKER), path, body), 400, "RoleAssignmentExists");
      JsonNode eligible = graph.get(graph.userToken(BOB),
          "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')")
          .bodyJson().path("value");
      assertThat(eligible).hasSize(1);
      assertThat(eligible.get(0).path("roleDefinitionId").asText()).isEqualTo(GROUPS_ADMIN);
    }

    private String activatePrivilegedRoleAdminApproved() {
      JsonNode pending = graph.post(graph.userToken(ALICE), REQUESTS,
          selfActivate(ALICE, PRIVILEGED_ROLE_ADMIN, "PT1H", "incident")).bodyJson();
      graph.surface.decide(pending.path("approvalId").asText(), true, BOB, "ok");
      return graph.get(graph.appToken(BROKER), REQUESTS + "/" + pending.path("id").asText())
          .bodyJson().path("status").asText();
    }
  }

  @Nested
  class Approvals {
    private JsonNode requestNeedingApproval() {
      return graph.post(graph.userToken(ALICE), REQUESTS, selfActivate(ALICE, PRIVILEGED_ROLE_ADMIN, "PT1H", "incident"))
          .bodyJson();
    }

    @Test
    void aPolicyWithApprovalLeavesTheRequestPending() {
      JsonNode pending = requestNeedingApproval();
      assertThat(pending.path("status").asText()).isEqualTo("PendingApproval");
      assertThat(pending.path("approvalId").asText()).isNotEmpty();
      assertThat(graph.surface.pendingApprovals()).singleElement()
          .satisfies(a -> assertThat(a.principalId()).isEqualTo(ALICE));
    }

    @Test
    void aSecondRequestWhileOneIsPendingFails() {
      requestNeedingApproval();
      assertError(graph.post(graph.userToken(ALICE), REQUESTS,
          selfActivate(ALICE, PRIVILEGED_ROLE_ADMIN, "PT1H", "again")), 400, "PendingRoleAssignmentRequest");
    }

    @Test
    void theApproverApprovesThroughTheBetaStepsEndpoint() {
      JsonNode pending = requestNeedingApproval();
      String approvalPath = "/beta/roleManagement/directory/roleAssignmentApprovals/" + pending.path("approvalId").asText();
      JsonNode approval = graph.get(graph.userToken(BOB), approvalPath).bodyJson();
      JsonNode step = approval.path("steps").get(0);
      assertThat(step.path("assignedToMe").asBoolean()).isTrue();
      EmulatorResponse decided = graph.patch(graph.userToken(BOB), approvalPath + "/steps/" + step.path("id").asText(),
          "{\"reviewResult\":\"Approve\",\"justification\":\"ok\"}");
      assertThat(decided.status()).isEqualTo(204);
      assertThat(graph.get(graph.userToken(ALICE), REQUESTS + "/" + pending.path("id").asText()).bodyJson()
          .path("status").asText()).isEqualTo("Provisioned");
      EmulatorResponse again = graph.patch(graph.userToken(BOB), approvalPath + "/steps/" + step.path("id").asText(),
          "{\"reviewResult\":\"Deny\",\"justification\":\"no\"}");
      assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void theApproverListsTheRequestsWaitingForThemWithFilterByCurrentUser() {
      JsonNode pending = requestNeedingApproval();
      String mine = REQUESTS + "/filterByCurrentUser(on='approver')";
      JsonNode forBob = graph.get(graph.userToken(BOB), mine).bodyJson().path("value");
      assertThat(forBob).singleElement().satisfies(r -> {
        assertThat(r.path("id").asText()).isEqualTo(pending.path("id").asText());
        assertThat(r.path("status").asText()).isEqualTo("PendingApproval");
      });
      assertThat(graph.get(graph.userToken(CAROL), mine).bodyJson().path("value")).isEmpty();
      assertThat(graph.get(graph.userToken(ALICE), mine).bodyJson().path("value")).isEmpty();
    }

    @Test
    void directoryRoleRequestsDoNotFilterByTheirCreator() {
      assertError(graph.get(graph.userToken(BOB), REQUESTS + "/filterByCurrentUser(on='createdBy')"), 400,
          "BadRequest");
    }

    @Test
    void theDirectoryRoleApprovalIsOnlyInBeta() {
      JsonNode pending = requestNeedingApproval();
      EmulatorResponse v1 = graph.get(graph.userToken(BOB),
          "/v1.0/roleManagement/directory/roleAssignmentApprovals/" + pending.path("approvalId").asText());
      assertThat(v1.status()).isEqualTo(400);
    }

    @Test
    void someoneWhoIsNotAnApproverCannotDecide() {
      JsonNode pending = requestNeedingApproval();
      String approvalPath = "/beta/roleManagement/directory/roleAssignmentApprovals/" + pending.path("approvalId").asText();
      String stepId = graph.get(graph.userToken(BOB), approvalPath).bodyJson().path("steps").get(0).path("id").asText();
      assertError(graph.patch(graph.userToken(CAROL), approvalPath + "/steps/" + stepId,
          "{\"reviewResult\":\"Approve\",\"justification\":\"ok\"}"), 403, "Authorization_RequestDenied");
    }

    @Test
    void theAdminDecisionRefusesSomeoneWhoIsNotAnApprover() {
      JsonNode pending = requestNeedingApproval();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> graph.surface.decide(pending.path("approvalId").asText(), true, CAROL, "me"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an approver");
      assertThat(graph.surface.decide(pending.path("approvalId").asText(), true, null, "first approver")
          .orElseThrow().status()).isEqualTo("Approved");
    }

    @Test
    void aDenialEndsTheRequestAsDenied() {
      JsonNode pending = requestNeedingApproval();
      graph.surface.decide(pending.path("approvalId").asText(), false, BOB, "not now");
      assertThat(graph.get(graph.userToken(ALICE), REQUESTS + "/" + pending.path("id").asText()).bodyJson()
          .path("status").asText()).isEqualTo("Denied");
    }

    @Test
    void anUndecidedStageTimesOut() {
      graph.hazards(Hazards.none().withApprovalStageTimeout(Duration.ofMinutes(10)));
      JsonNode pending = requestNeedingApproval();
      graph.advance(Duration.ofMinutes(11));
      assertThat(graph.get(graph.userToken(ALICE), REQUESTS + "/" + pending.path("id").asText()).bodyJson()
          .path("status").asText()).isEqualTo("Denied");
      assertThat(graph.surface.decide(pending.path("approvalId").asText(), true, BOB, "late").orElseThrow().status())
          .isEqualTo("TimedOut");
    }

    @Test
    void aPendingRequestCanBeCanceledOnce() {
      JsonNode pending = requestNeedingApproval();
      String cancel = REQUESTS + "/" + pending.path("id").asText() + "/cancel";
      assertThat(graph.post(graph.userToken(ALICE), cancel, null).status()).isEqualTo(204);
      assertThat(graph.get(graph.userToken(ALICE), REQUESTS + "/" + pending.path("id").asText()).bodyJson()
          .path("status").asText()).isEqualTo("Canceled");
      assertError(graph.post(graph.userToken(ALICE), cancel, null), 400, "BadRequest");
      assertThat(graph.surface.pendingApprovals()).isEmpty();
    }
  }

  @Nested
  class ProvisioningDelay {
    @Test
    void aRequestStaysPendingProvisioningUntilTheDelayPasses() {
      graph.hazards(Hazards.none().withProvisioningDelay(Duration.ofSeconds(2)));
      JsonNode created = activateUserAdmin(graph.userToken(ALICE)).bodyJson();
      assertThat(created.path("status").asText()).isEqualTo("PendingProvisioning");
      assertThat(graph.surface.activeAssignments()).noneMatch(a -> ALICE.equals(a.principalId()));
      graph.advance(Duration.ofSeconds(2));
      assertThat(graph.get(graph.userToken(ALICE), REQUESTS + "/" + created.path("id").asText()).bodyJson()
          .path("status").asText()).isEqualTo("Provisioned");
      assertThat(graph.surface.activeAssignments()).anyMatch(a -> ALICE.equals(a.principalId())
          && a.surface().equals("directory") && a.requestId().equals(created.path("id").asText()));
    }
  }

  @Nested
  class Claims {
    @Test
    void widsListStandingAndActivatedRoles() {
      var claims = graph.context.require(dev.jitelevate.emulator.kernel.ClaimsSource.class);
      assertThat(claims.directoryRoleTemplateIds(DAVE)).containsExactly(PRIVILEGED_ROLE_ADMIN);
      assertThat(claims.directoryRoleTemplateIds(ALICE)).isEmpty();
      activateUserAdmin(graph.userToken(ALICE));
      assertThat(claims.directoryRoleTemplateIds(ALICE)).containsExactly(USER_ADMIN);
      graph.advance(Duration.ofHours(2));
      assertThat(claims.directoryRoleTemplateIds(ALICE)).isEmpty();
    }

    @Test
    void theLeakDetectorSeesStandingAssignmentsAsFromTheScenario() {
      assertThat(graph.surface.activeAssignments()).anySatisfy(a -> {
        assertThat(a.principalId()).isEqualTo(DAVE);
        assertThat(a.fromScenario()).isTrue();
        assertThat(a.surface()).isEqualTo("directory");
      });
    }
  }

  @Nested
  class Lists {
    @Test
    void requestsAreFilteredByPrincipalAndStatus() {
      activateUserAdmin(graph.userToken(ALICE));
      graph.post(graph.userToken(ALICE), REQUESTS, selfActivate(ALICE, PRIVILEGED_ROLE_ADMIN, "PT1H", "incident"));
      JsonNode pending = graph.get(graph.appToken(BROKER), REQUESTS + "?$filter=principalId eq '" + ALICE
          + "' and status eq 'PendingApproval'").bodyJson().path("value");
      assertThat(pending).hasSize(1);
      JsonNode mine = graph.get(graph.userToken(ALICE), REQUESTS + "/filterByCurrentUser(on='principal')")
          .bodyJson().path("value");
      assertThat(mine).hasSize(2);
    }

    @Test
    void aUserWithoutAnAdminReaderRoleReadsOnlyItsOwnThroughFilterByCurrentUser() {
      assertError(graph.get(graph.userToken(ALICE), INSTANCES + "?$filter=principalId eq '" + DAVE + "'"), 403,
          "Authorization_RequestDenied");
      assertError(graph.get(graph.userToken(ALICE), REQUESTS), 403, "Authorization_RequestDenied");
      String davesInstance = graph.get(graph.appToken(BROKER), INSTANCES + "?$filter=principalId eq '" + DAVE + "'")
          .bodyJson().path("value").get(0).path("id").asText();
      assertError(graph.get(graph.userToken(ALICE), INSTANCES + "/" + davesInstance), 403, "Authorization_RequestDenied");
      assertThat(graph.get(graph.userToken(DAVE), INSTANCES + "/" + davesInstance).status()).isEqualTo(200);
    }

    @Test
    void aPrivilegedRoleAdministratorListsEveryonesInstances() {
      EmulatorResponse all = graph.get(graph.userToken(DAVE), INSTANCES + "?$filter=principalId eq '" + DAVE + "'");
      assertThat(all.status()).isEqualTo(200);
      assertThat(all.bodyJson().path("value")).hasSize(1);
    }

    @Test
    void filterByCurrentUserIsNotAvailableToApps() {
      assertError(graph.get(graph.appToken(BROKER), INSTANCES + "/filterByCurrentUser(on='principal')"), 403,
          "Authorization_RequestDenied");
    }

    @Test
    void anUnknownRequestIdIsNotFound() {
      assertError(graph.get(graph.appToken(BROKER), REQUESTS + "/00000000-0000-0000-0000-000000000000"), 404,
          "ResourceNotFound");
    }

    @Test
    void instancesExpandTheirRoleDefinition() {
      JsonNode value = graph.get(graph.appToken(BROKER), INSTANCES + "?$filter=principalId eq '" + DAVE
          + "'&$expand=roleDefinition").bodyJson().path("value");
      assertThat(value.get(0).path("roleDefinition").path("displayName").asText())
          .isEqualTo("Privileged Role Administrator");
      assertThat(value.get(0).path("id").asText()).endsWith("-1");
    }

    @Test
    void schedulesListActiveAssignments() {
      JsonNode value = graph.get(graph.appToken(BROKER),
          "/v1.0/roleManagement/directory/roleAssignmentSchedules?$filter=principalId eq '" + DAVE + "'")
          .bodyJson().path("value");
      assertThat(value).hasSize(1);
      assertThat(value.get(0).path("status").asText()).isEqualTo("Provisioned");
    }
  }
}
