package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.AccessEvaluator;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SelfActivationTest {
  private final ArmFixture arm = new ArmFixture();
  private static final String GET_SECRET = "Microsoft.KeyVault/vaults/secrets/getSecret/action";

  private ArmFixture.Reply activate(String caller, String principal, String role, String scope, String duration, String why) {
    return arm.put(caller, requests(scope, newName()), scheduleRequest(principal, role, "SelfActivate", duration, why));
  }

  private ArmFixture.Reply activateOfficer() {
    return activate("alice", ALICE, KV_SECRETS_OFFICER, RG_APP, "PT1H", "rotate db password");
  }

  private JsonNode instances(String caller, String scope, String filter) {
    return arm.get(caller, scope + "/providers/Microsoft.Authorization/roleAssignmentScheduleInstances?api-version=" + PIM
        + (filter == null ? "" : "&$filter=" + filter)).json().path("value");
  }

  private AccessEvaluator rbac() {
    return arm.context.require(AccessEvaluator.class);
  }

  @Nested
  class Eligibility {
    @Test
    void anEligibleUserActivatesAndGetsAnInstanceAndARealRoleAssignment() {
      var reply = activateOfficer();
      assertThat(reply.status()).isEqualTo(201);
      assertThat(reply.prop("status")).isEqualTo("Provisioned");
      assertThat(reply.prop("requestorId")).isEqualTo(ALICE);
      assertThat(reply.json().path("type").asText()).isEqualTo("Microsoft.Authorization/RoleAssignmentScheduleRequests");
      JsonNode instance = instances("alice", RG_APP, "asTarget()").get(0).path("properties");
      assertThat(instance.path("assignmentType").asText()).isEqualTo("Activated");
      assertThat(instance.path("linkedRoleEligibilityScheduleId").asText()).isNotEmpty();
      String origin = instance.path("originRoleAssignmentId").asText();
      assertThat(arm.get("alice", origin + "?api-version=" + RBAC).prop("principalId")).isEqualTo(ALICE);
      assertThat(rbac().allowsDataAction(ALICE, VAULT, GET_SECRET)).isTrue();
      assertThat(arm.get("alice", RG_APP + "/providers/Microsoft.Authorization/permissions?api-version=" + RBAC)
          .json().path("value").get(0).path("dataActions").get(0).asText()).isEqualTo("Microsoft.KeyVault/vaults/secrets/*");
    }

    @Test
    void withoutAnEligibilityTheEligibilityRuleFails() {
      var reply = activate("dave", DAVE, KV_SECRETS_OFFICER, RG_APP, "PT1H", "please");
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("RoleAssignmentRequestPolicyValidationFailed");
      assertThat(reply.message()).isEqualTo("The following policy rules failed: [\"EligibilityRule\"]");
    }

    @Test
    void activatingForSomeoneElseFailsTheEligibilityRule() {
      var reply = activate("bob", ALICE, KV_SECRETS_OFFICER, RG_APP, "PT1H", "on behalf");
      assertThat(reply.message()).contains("EligibilityRule");
    }

    @Test
    void anEligibilityAtAParentScopeCoversChildScopes() {
      var onVault = activate("alice", ALICE, KV_SECRETS_OFFICER, VAULT, "PT1H", "only this vault");
      assertThat(onVault.prop("status")).isEqualTo("Provisioned");
      assertThat(onVault.prop("scope")).isEqualTo(VAULT);
      var reply = activate("carol", CAROL, KV_READER, VAULT, "PT1H", null);
      assertThat(reply.code()).isEqualTo("RoleAssignmentRequestPolicyValidationFailed");
      assertThat(reply.message()).isEqualTo("The following policy rules failed: [\"MfaRule\"]");
    }

    @Test
    void anEligibilityAtAChildScopeDoesNotCoverItsParent() {
      var reply = activate("alice", ALICE, KV_SECRETS_OFFICER, SUB_SCOPE, "PT1H", "too wide");
      assertThat(reply.message()).contains("EligibilityRule");
    }

    @Test
    void aGroupsEligibilityLetsItsMembersActivate() {
      var reply = activate("carol", CAROL, READER, RG_DATA, "PT1H", "investigate");
      assertThat(reply.status()).isEqualTo(201);
      assertThat(reply.prop("status")).isEqualTo("Provisioned");
    }
  }

  @Nested
  class PolicyRules {
    @Test
    void aDurationAboveThePolicyMaximumFailsTheExpirationRule() {
      var reply = activate("alice", ALICE, KV_SECRETS_OFFICER, RG_APP, "PT3H", "long job");
      assertThat(reply.message()).isEqualTo("The following policy rules failed: [\"ExpirationRule\"]");
    }

    @Test
    void noExpirationFailsTheExpirationRule() {
      var reply = activate("alice", ALICE, KV_SECRETS_OFFICER, RG_APP, null, "forever");
      assertThat(reply.message()).contains("ExpirationRule");
    }

    @Test
    void aMissingJustificationFailsTheJustificationRule() {
      var reply = activate("alice", ALICE, KV_SECRETS_OFFICER, RG_APP, "PT1H", "  ");
      assertThat(reply.message()).isEqualTo("The following policy rules failed: [\"JustificationRule\"]");
    }

    @Test
    void aMissingTicketFailsTheTicketingRule() {
      var reply = activate("alice", ALICE, CONTRIBUTOR, SUB_SCOPE, "PT1H", "deploy");
      assertThat(reply.message()).isEqualTo("The following policy rules failed: [\"TicketingRule\"]");
    }

    @Test
    void aTokenWithoutMfaFailsTheMfaRule() {
      var reply = activate("carol", CAROL, KV_READER, SUB_SCOPE, "PT1H", null);
      assertThat(reply.message()).isEqualTo("The following policy rules failed: [\"MfaRule\"]");
    }

    @Test
    void everyFailingRuleIsListed() {
      var reply = activate("alice", ALICE, CONTRIBUTOR, SUB_SCOPE, "PT9H", null);
      assertThat(reply.message())
          .isEqualTo("The following policy rules failed: [\"ExpirationRule\",\"JustificationRule\",\"TicketingRule\"]");
    }
  }

  @Nested
  class Approval {
    private String requestApproval() {
      var body = (ObjectNode) scheduleRequest(ALICE, CONTRIBUTOR, "SelfActivate", "PT2H", "deploy hotfix");
      ((ObjectNode) body.get("properties")).putObject("ticketInfo").put("ticketNumber", "CHG-1").put("ticketSystem", "ServiceNow");
      String name = newName();
      var reply = arm.put("alice", requests(SUB_SCOPE, name), body);
      assertThat(reply.prop("status")).isEqualTo("PendingApproval");
      assertThat(reply.prop("approvalId")).startsWith("/providers/Microsoft.Authorization/roleAssignmentApprovals/");
      return name;
    }

    private String approvalId(String name) {
      String id = arm.get("alice", requests(SUB_SCOPE, name)).prop("approvalId");
      return id.substring(id.lastIndexOf('/') + 1);
    }

    private String approvals(String suffix) {
      return "/providers/Microsoft.Authorization/roleAssignmentApprovals" + suffix + "?api-version=2021-01-01-preview";
    }

    @Test
    void theApproverSeesTheApprovalAndApprovingProvisionsTheRequest() {
      String name = requestApproval();
      var list = arm.get("bob", approvals("") + "&$filter=asApprover()").json().path("value");
      assertThat(list).hasSize(1);
      JsonNode stage = list.get(0).path("properties").path("stages").get(0);
      assertThat(stage.path("properties").path("assignedToMe").asBoolean()).isTrue();
      var decided = arm.send("PATCH", "bob", stage.path("id").asText() + "?api-version=2021-01-01-preview",
          "{\"properties\":{\"reviewResult\":\"Approve\",\"justification\":\"ok\"}}");
      assertThat(decided.status()).isEqualTo(200);
      assertThat(decided.prop("reviewResult")).isEqualTo("Approve");
      assertThat(decided.prop("status")).isEqualTo("Completed");
      assertThat(arm.get("alice", requests(SUB_SCOPE, name)).prop("status")).isEqualTo("Provisioned");
      assertThat(rbac().allowsAction(ALICE, VAULT, "Microsoft.KeyVault/vaults/write")).isTrue();
    }

    @Test
    void aStageBodyWithoutThePropertiesWrapperIsAccepted() {
      String name = requestApproval();
      String id = approvalId(name);
      String stageId = arm.get("bob", approvals("/" + id)).json().path("properties").path("stages").get(0).path("name").asText();
      var decided = arm.send("PUT", "bob", approvals("/" + id + "/stages/" + stageId), "{\"reviewResult\":\"Deny\",\"justification\":\"no\"}");
      assertThat(decided.prop("reviewResult")).isEqualTo("Deny");
      assertThat(arm.get("alice", requests(SUB_SCOPE, name)).prop("status")).isEqualTo("Denied");
      assertThat(arm.get("bob", approvals("/" + id + "/stages/" + stageId)).prop("status")).isEqualTo("Completed");
    }

    @Test
    void theRequestorCannotApproveTheirOwnRequest() {
      String name = requestApproval();
      String id = approvalId(name);
      String stageId = arm.get("alice", approvals("/" + id)).json().path("properties").path("stages").get(0).path("name").asText();
      var reply = arm.send("PATCH", "alice", approvals("/" + id + "/stages/" + stageId), "{\"reviewResult\":\"Approve\"}");
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.code()).isEqualTo("ApproverNotAuthorized");
    }

    @Test
    void anUndecidedStageTimesOut() {
      arm.hazards(h -> h.withApprovalStageTimeout(Duration.ofMinutes(10)));
      String name = requestApproval();
      arm.advance(Duration.ofMinutes(11));
      assertThat(arm.get("alice", requests(SUB_SCOPE, name)).prop("status")).isEqualTo("TimedOut");
      assertThat(arm.get("bob", approvals("") + "&$filter=asApprover()").json().path("value")).isEmpty();
    }

    @Test
    void aPendingRequestBlocksAnotherForTheSameRoleAndScope() {
      requestApproval();
      var body = (ObjectNode) scheduleRequest(ALICE, CONTRIBUTOR, "SelfActivate", "PT2H", "again");
      ((ObjectNode) body.get("properties")).putObject("ticketInfo").put("ticketNumber", "CHG-2").put("ticketSystem", "ServiceNow");
      var reply = arm.put("alice", requests(SUB_SCOPE, newName()), body);
      assertThat(reply.code()).isEqualTo("PendingRoleAssignmentRequest");
    }

    @Test
    void theAdminApiDecidesLikeTheApprovalEndpoint() {
      String name = requestApproval();
      var pending = arm.surface.pendingApprovals();
      assertThat(pending).singleElement().satisfies(p -> {
        assertThat(p.surface()).isEqualTo("arm");
        assertThat(p.requestId()).isEqualTo(name);
        assertThat(p.status()).isEqualTo("InProgress");
      });
      var outcome = arm.surface.decide(pending.get(0).approvalId(), true, BOB, "fine");
      assertThat(outcome).get().extracting(p -> p.status()).isEqualTo("Approved");
      assertThat(arm.get("alice", requests(SUB_SCOPE, name)).prop("status")).isEqualTo("Provisioned");
      assertThat(arm.surface.decide(newName(), true, BOB, "x")).isEmpty();
    }

    @Test
    void theAdminApiRefusesADeciderWhoIsNotAnApprover() {
      requestApproval();
      String id = arm.surface.pendingApprovals().get(0).approvalId();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> arm.surface.decide(id, true, DAVE, "me?"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an approver");
      assertThat(arm.surface.decide(id.substring(id.lastIndexOf('/') + 1), false, null, "no")).get()
          .extracting(p -> p.status()).isEqualTo("Denied");
    }
  }

  @Nested
  class Lifecycle {
    @Test
    void activatingWhatIsAlreadyActiveIsRoleAssignmentExists() {
      activateOfficer();
      var reply = activateOfficer();
      assertThat(reply.code()).isEqualTo("RoleAssignmentExists");
      assertThat(reply.message()).isEqualTo("The Role assignment already exists.");
    }

    @Test
    void reusingARequestNameIsRefused() {
      String name = newName();
      arm.put("alice", requests(RG_APP, name), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "x"));
      var reply = arm.put("alice", requests(RG_APP, name), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "x"));
      assertThat(reply.code()).isEqualTo("RoleAssignmentRequestExists");
    }

    @Test
    void aRequestStaysAcceptedUntilTheProvisioningDelayHasPassed() {
      arm.hazards(h -> h.withProvisioningDelay(Duration.ofSeconds(5)));
      String name = newName();
      var created = arm.put("alice", requests(RG_APP, name), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "x"));
      assertThat(created.prop("status")).isEqualTo("Accepted");
      assertThat(instances("alice", RG_APP, "asTarget()")).isEmpty();
      arm.advance(Duration.ofSeconds(5));
      assertThat(arm.get("alice", requests(RG_APP, name)).prop("status")).isEqualTo("Provisioned");
      assertThat(instances("alice", RG_APP, "asTarget()")).hasSize(1);
    }

    @Test
    void theServiceRemovesTheAssignmentAtItsEnd() {
      activateOfficer();
      arm.advance(Duration.ofMinutes(59));
      assertThat(rbac().allowsDataAction(ALICE, VAULT, GET_SECRET)).isTrue();
      arm.advance(Duration.ofMinutes(1));
      assertThat(rbac().allowsDataAction(ALICE, VAULT, GET_SECRET)).isFalse();
      assertThat(instances("alice", RG_APP, null)).isEmpty();
      assertThat(arm.surface.activeAssignments()).noneMatch(a -> a.principalId().equals(ALICE));
    }

    @Test
    void deactivatingWithinTheFloorIsActiveDurationTooShort() {
      activateOfficer();
      arm.advance(Duration.ofMinutes(4));
      var reply = arm.put("alice", requests(RG_APP, newName()), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfDeactivate", null, null));
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("ActiveDurationTooShort");
      assertThat(reply.message()).isEqualTo("The Active duration is too short. Miniumum Required is 5 minutes.");
    }

    @Test
    void deactivatingAfterTheFloorRevokesTheInstanceAndItsAssignment() {
      activateOfficer();
      arm.advance(Duration.ofMinutes(5));
      var reply = arm.put("alice", requests(RG_APP, newName()), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfDeactivate", null, null));
      assertThat(reply.status()).isEqualTo(201);
      assertThat(reply.prop("status")).isEqualTo("Revoked");
      assertThat(instances("alice", RG_APP, null)).isEmpty();
      assertThat(rbac().allowsDataAction(ALICE, VAULT, GET_SECRET)).isFalse();
    }

    @Test
    void deactivatingWhatIsNotActiveIsRoleAssignmentDoesNotExist() {
      var reply = arm.put("alice", requests(RG_APP, newName()), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfDeactivate", null, null));
      assertThat(reply.code()).isEqualTo("RoleAssignmentDoesNotExist");
      assertThat(reply.message()).isEqualTo("The Role assignment does not exist.");
    }

    @Test
    void theLeakDetectorSeesActivationsAndStandingAccessApart() {
      String name = newName();
      arm.put("alice", requests(RG_APP, name), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "x"));
      var active = arm.surface.activeAssignments();
      assertThat(active).filteredOn(a -> a.surface().equals("arm")).singleElement().satisfies(a -> {
        assertThat(a.principalId()).isEqualTo(ALICE);
        assertThat(a.assignmentType()).isEqualTo("Activated");
        assertThat(a.requestId()).isEqualTo(name);
        assertThat(a.role()).endsWith(KV_SECRETS_OFFICER);
        assertThat(a.end()).isEqualTo(a.start().plus(Duration.ofHours(1)));
        assertThat(a.fromScenario()).isFalse();
      });
      assertThat(active).filteredOn(a -> a.surface().equals("arm-rbac")).allMatch(a -> a.fromScenario()).hasSize(3);
    }
  }
}
