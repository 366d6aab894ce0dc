package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.ClaimsSource;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GraphGroupsTest {
  private static final String BASE = "/v1.0/identityGovernance/privilegedAccess/group/";
  private static final String REQUESTS = BASE + "assignmentScheduleRequests";
  private final GraphFixture graph = new GraphFixture();

  private static void assertError(EmulatorResponse response, int status, String code) {
    assertThat(response.status()).as(new String(response.body())).isEqualTo(status);
    assertThat(response.bodyJson().path("error").path("code").asText()).isEqualTo(code);
  }

  private JsonNode activateMembership() {
    return graph.post(graph.userToken(ALICE), REQUESTS, groupRequest("selfActivate", ALICE, "member", "PT2H")).bodyJson();
  }

  @Nested
  class Activation {
    @Test
    void anEligibleMemberActivatesWithTheDocumentedIdForms() {
      JsonNode created = activateMembership();
      assertThat(created.path("status").asText()).isEqualTo("Provisioned");
      assertThat(created.path("accessId").asText()).isEqualTo("member");
      assertThat(created.path("targetScheduleId").asText())
          .isEqualTo(PIM_GROUP + "_member_" + created.path("id").asText());
      JsonNode instances = graph.get(graph.appToken(BROKER), BASE + "assignmentScheduleInstances?$filter=groupId eq '"
          + PIM_GROUP + "' and principalId eq '" + ALICE + "'").bodyJson().path("value");
      assertThat(instances).hasSize(1);
      assertThat(instances.get(0).path("id").asText()).matches(PIM_GROUP + "_member_[0-9a-f-]{36}");
      assertThat(instances.get(0).path("assignmentType").asText()).isEqualTo("Activated");
    }

    @Test
    void theGroupsClaimFollowsActivationAndExpiry() {
      ClaimsSource claims = graph.context.require(ClaimsSource.class);
      assertThat(claims.groupIds(ALICE)).isEmpty();
      assertThat(claims.groupIds(CAROL)).containsExactly(PIM_GROUP);
      activateMembership();
      assertThat(claims.groupIds(ALICE)).containsExactly(PIM_GROUP);
      graph.advance(Duration.ofHours(3));
      assertThat(claims.groupIds(ALICE)).isEmpty();
      assertThat(graph.surface.activeAssignments()).noneMatch(a -> a.principalId().equals(ALICE));
    }

    @Test
    void aLongerActivationThanThePolicyAllowsFailsTheExpirationRule() {
      EmulatorResponse response = graph.post(graph.userToken(ALICE), REQUESTS,
          groupRequest("selfActivate", ALICE, "member", "PT5H"));
      assertThat(response.bodyJson().path("error").path("message").asText())
          .isEqualTo("The following policy rules failed: [\"ExpirationRule\"]");
    }

    @Test
    void aStandingMemberActivatingAgainFailsWithRoleAssignmentExists() {
      graph.post(graph.appToken(BROKER), BASE + "eligibilityScheduleRequests",
          groupRequest("adminAssign", CAROL, "member", "P30D"));
      assertError(graph.post(graph.userToken(CAROL), REQUESTS, groupRequest("selfActivate", CAROL, "member", "PT1H")),
          400, "RoleAssignmentExists");
    }

    @Test
    void aGroupNotOnboardedToPimRefusesRequests() {
      String body = groupRequest("selfActivate", ALICE, "member", "PT1H").replace(PIM_GROUP, PLAIN_GROUP);
      assertError(graph.post(graph.userToken(ALICE), REQUESTS, body), 400, "GroupNotOnboarded");
    }

    @Test
    void anInvalidAccessIdIsABadRequest() {
      assertError(graph.post(graph.userToken(ALICE), REQUESTS, groupRequest("selfActivate", ALICE, "admin", "PT1H")),
          400, "BadRequest");
    }

    @Test
    void cancelingAProvisionedRequestIsRefusedButAPendingOneIsCanceled() {
      JsonNode provisioned = activateMembership();
      assertError(graph.post(graph.userToken(ALICE), REQUESTS + "/" + provisioned.path("id").asText() + "/cancel", null),
          400, "BadRequest");
      JsonNode pending = graph.post(graph.userToken(ALICE), REQUESTS, groupRequest("selfActivate", ALICE, "owner", "PT1H"))
          .bodyJson();
      assertThat(graph.post(graph.userToken(ALICE), REQUESTS + "/" + pending.path("id").asText() + "/cancel", null)
          .status()).isEqualTo(204);
    }
  }

  @Nested
  class Approvals {
    private JsonNode ownerRequest() {
      return graph.post(graph.userToken(ALICE), REQUESTS, groupRequest("selfActivate", ALICE, "owner", "PT1H")).bodyJson();
    }

    @Test
    void theApprovalIdIsTheRequestIdAndTheApproverSeesIt() {
      JsonNode pending = ownerRequest();
      assertThat(pending.path("status").asText()).isEqualTo("PendingApproval");
      assertThat(pending.path("approvalId").asText()).isEqualTo(pending.path("id").asText());
      JsonNode forBob = graph.get(graph.userToken(BOB), REQUESTS + "/filterByCurrentUser(on='approver')").bodyJson();
      assertThat(forBob.path("value")).hasSize(1);
      JsonNode byAlice = graph.get(graph.userToken(ALICE), REQUESTS + "/filterByCurrentUser(on='createdBy')").bodyJson();
      assertThat(byAlice.path("value")).hasSize(1);
    }

    @Test
    void theApproverApprovesTheStageAndTheOwnershipIsProvisioned() {
      JsonNode pending = ownerRequest();
      String approval = BASE + "assignmentApprovals/" + pending.path("approvalId").asText();
      JsonNode stages = graph.get(graph.userToken(BOB), approval).bodyJson().path("stages");
      assertThat(stages.get(0).path("status").asText()).isEqualTo("InProgress");
      assertThat(stages.get(0).path("reviewResult").asText()).isEqualTo("NotReviewed");
      EmulatorResponse decided = graph.patch(graph.userToken(BOB), approval + "/stages/" + stages.get(0).path("id").asText(),
          "{\"reviewResult\":\"Approve\",\"justification\":\"fine\"}");
      assertThat(decided.status()).isEqualTo(204);
      JsonNode after = graph.get(graph.userToken(BOB), approval).bodyJson().path("stages").get(0);
      assertThat(after.path("reviewResult").asText()).isEqualTo("Approved");
      assertThat(after.path("reviewedBy").path("id").asText()).isEqualTo(BOB);
      assertThat(graph.surface.activeAssignments()).anyMatch(a -> a.principalId().equals(ALICE)
          && a.role().equals("owner") && a.surface().equals("group"));
    }

    @Test
    void theRequestorCannotApproveTheirOwnRequestAndAppsCannotApprove() {
      JsonNode pending = ownerRequest();
      String approval = BASE + "assignmentApprovals/" + pending.path("approvalId").asText();
      String stage = graph.get(graph.userToken(BOB), approval).bodyJson().path("stages").get(0).path("id").asText();
      String body = "{\"reviewResult\":\"Approve\",\"justification\":\"me\"}";
      assertError(graph.patch(graph.userToken(ALICE), approval + "/stages/" + stage, body), 403,
          "Authorization_RequestDenied");
      assertError(graph.patch(graph.appToken(BROKER), approval + "/stages/" + stage, body), 403,
          "Authorization_RequestDenied");
    }

    @Test
    void theBetaStepsPathDecidesToo() {
      JsonNode pending = ownerRequest();
      String approval = "/beta/identityGovernance/privilegedAccess/group/assignmentApprovals/"
          + pending.path("approvalId").asText();
      String step = graph.get(graph.userToken(BOB), approval).bodyJson().path("steps").get(0).path("id").asText();
      assertThat(graph.patch(graph.userToken(BOB), approval + "/steps/" + step,
          "{\"reviewResult\":\"Deny\",\"justification\":\"no\"}").status()).isEqualTo(204);
      assertThat(graph.get(graph.userToken(ALICE), REQUESTS + "/" + pending.path("id").asText()).bodyJson()
          .path("status").asText()).isEqualTo("Denied");
    }

    @Test
    void anUnknownApprovalIsNotFound() {
      assertError(graph.get(graph.userToken(BOB), BASE + "assignmentApprovals/00000000-0000-0000-0000-000000000001"),
          404, "ResourceNotFound");
    }

    @Test
    void aMissingApproverJustificationIsABadRequest() {
      JsonNode pending = ownerRequest();
      String approval = BASE + "assignmentApprovals/" + pending.path("approvalId").asText();
      String stage = graph.get(graph.userToken(BOB), approval).bodyJson().path("stages").get(0).path("id").asText();
      assertError(graph.patch(graph.userToken(BOB), approval + "/stages/" + stage, "{\"reviewResult\":\"Approve\"}"),
          400, "BadRequest");
    }
  }

  @Nested
  class Lists {
    @Test
    void listingInstancesWithoutAFilterIsABadRequestSayingSo() {
      EmulatorResponse response = graph.get(graph.appToken(BROKER), BASE + "assignmentScheduleInstances");
      assertError(response, 400, "BadRequest");
      assertThat(response.bodyJson().path("error").path("message").asText()).contains("$filter");
    }

    @Test
    void standingMembersAndOwnersAreAssignedInstances() {
      JsonNode value = graph.get(graph.appToken(BROKER), BASE + "assignmentScheduleInstances?$filter=groupId eq '"
          + PIM_GROUP + "'").bodyJson().path("value");
      assertThat(value).hasSize(2);
      assertThat(value.get(0).path("assignmentType").asText()).isEqualTo("Assigned");
      assertThat(value.get(0).path("startDateTime").isNull()).isTrue();
    }

    @Test
    void schedulesRequireAFilterAndListByPrincipal() {
      assertError(graph.get(graph.appToken(BROKER), BASE + "assignmentSchedules"), 400, "BadRequest");
      activateMembership();
      JsonNode value = graph.get(graph.appToken(BROKER), BASE + "assignmentSchedules?$filter=principalId eq '" + ALICE
          + "'").bodyJson().path("value");
      assertThat(value).hasSize(1);
      assertThat(value.get(0).path("id").asText()).startsWith(PIM_GROUP + "_member_");
    }

    @Test
    void eligibleInstancesForTheCurrentUserListBothAccessTypes() {
      JsonNode value = graph.get(graph.userToken(ALICE), BASE + "eligibilityScheduleInstances/filterByCurrentUser(on='principal')")
          .bodyJson().path("value");
      assertThat(value).hasSize(2);
      assertThat(value.get(0).path("eligibilityScheduleId").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void adminRemoveOfAnEligibilityRemovesIt() {
      JsonNode removed = graph.post(graph.appToken(BROKER), BASE + "eligibilityScheduleRequests",
          groupRequest("adminRemove", ALICE, "owner", "PT1H")).bodyJson();
      assertThat(removed.path("status").asText()).isEqualTo("Revoked");
      assertThat(graph.get(graph.userToken(ALICE), BASE + "eligibilityScheduleInstances/filterByCurrentUser(on='principal')")
          .bodyJson().path("value")).hasSize(1);
    }
  }
}
