package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.AccessEvaluator;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdminRequestsTest {
  private final ArmFixture arm = new ArmFixture();

  private static String eligibilityRequests(String scope, String name) {
    return scope + "/providers/Microsoft.Authorization/roleEligibilityScheduleRequests/" + name + "?api-version=" + PIM;
  }

  private static JsonNode noExpiration(String principal, String role, String type, String why) {
    var body = (ObjectNode) scheduleRequest(principal, role, type, null, why);
    ((ObjectNode) body.get("properties")).putObject("scheduleInfo").putObject("expiration").put("type", "NoExpiration");
    return body;
  }

  private JsonNode list(String caller, String path) {
    return arm.get(caller, path).json().path("value");
  }

  @Nested
  class ActiveAssignments {
    @Test
    void aBrokerGivesAServicePrincipalATimeBoundAssignment() {
      var reply = arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_USER, "AdminAssign", "PT30M", "deploy 7"));
      assertThat(reply.status()).isEqualTo(201);
      assertThat(reply.prop("status")).isEqualTo("Provisioned");
      assertThat(reply.prop("principalType")).isEqualTo("ServicePrincipal");
      JsonNode instance = list("broker", RG_APP + "/providers/Microsoft.Authorization/roleAssignmentScheduleInstances?api-version=" + PIM
          + "&$filter=principalId%20eq%20'" + CI + "'").get(0).path("properties");
      assertThat(instance.path("assignmentType").asText()).isEqualTo("Assigned");
      assertThat(arm.context.require(AccessEvaluator.class)
          .allowsDataAction(CI, VAULT, "Microsoft.KeyVault/vaults/secrets/getSecret/action")).isTrue();
    }

    @Test
    void aPolicyRequiringMfaOnActiveAssignmentRefusesAnAdminWithoutMfa() {
      var refused = arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_READER, "AdminAssign", "PT30M", "read"));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.message()).isEqualTo("The following policy rules failed: [\"MfaRule\"]");
    }

    @Test
    void aManagedIdentityCanBeAssignedToo() {
      var reply = arm.put("broker", requests(RG_APP, newName()), scheduleRequest(MANAGED, KV_SECRETS_USER, "AdminAssign", "PT30M", "mi"));
      assertThat(reply.prop("principalType")).isEqualTo("ServicePrincipal");
    }

    @Test
    void aPermanentAssignmentForAServicePrincipalFailsTheExpirationRule() {
      var reply = arm.put("broker", requests(RG_APP, newName()), noExpiration(CI, KV_SECRETS_USER, "AdminAssign", "forever"));
      assertThat(reply.message()).isEqualTo("The following policy rules failed: [\"ExpirationRule\"]");
    }

    @Test
    void anAssignmentLongerThanTheAdminMaximumFailsTheExpirationRule() {
      var reply = arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_USER, "AdminAssign", "P400D", "long"));
      assertThat(reply.message()).contains("ExpirationRule");
    }

    @Test
    void anAdminAssignmentNeedsAJustificationByDefault() {
      var reply = arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_USER, "AdminAssign", "PT30M", null));
      assertThat(reply.message()).contains("JustificationRule");
    }

    @Test
    void aCallerWithoutRoleAssignmentsWriteIsAuthorizationFailed() {
      var reply = arm.put("ci", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_USER, "AdminAssign", "PT30M", "self-serve"));
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.code()).isEqualTo("AuthorizationFailed");
      assertThat(reply.message()).contains("'Microsoft.Authorization/roleAssignments/write' over scope '" + RG_APP + "'");
    }

    @Test
    void anUnknownPrincipalIsSubjectNotFound() {
      var reply = arm.put("broker", requests(RG_APP, newName()), scheduleRequest(newName(), KV_SECRETS_USER, "AdminAssign", "PT30M", "x"));
      assertThat(reply.code()).isEqualTo("SubjectNotFound");
    }

    @Test
    void adminRemoveEndsTheAssignmentAfterTheFloor() {
      arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_USER, "AdminAssign", "PT30M", "deploy"));
      var tooSoon = arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_USER, "AdminRemove", null, null));
      assertThat(tooSoon.code()).isEqualTo("ActiveDurationTooShort");
      arm.advance(Duration.ofMinutes(5));
      var removed = arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_USER, "AdminRemove", null, null));
      assertThat(removed.prop("status")).isEqualTo("Revoked");
      assertThat(arm.surface.activeAssignments()).noneMatch(a -> a.surface().equals("arm"));
    }

    @Test
    void theFloorFollowsTheHazard() {
      arm.hazards(h -> h.withMinimumActiveDuration(Duration.ofSeconds(1)));
      arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_USER, "AdminAssign", "PT30M", "deploy"));
      arm.advance(Duration.ofSeconds(1));
      var removed = arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_USER, "AdminRemove", null, null));
      assertThat(removed.prop("status")).isEqualTo("Revoked");
    }

    @Test
    void unsupportedRequestTypesAreRefusedClearly() {
      var reply = arm.put("alice", requests(RG_APP, newName()), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfExtend", "PT1H", "x"));
      assertThat(reply.code()).isEqualTo("InvalidRequestType");
      assertThat(reply.message()).contains("SelfExtend");
    }
  }

  @Nested
  class Eligibilities {
    @Test
    void aBrokerMakesAUserEligible() {
      var reply = arm.put("broker", eligibilityRequests(RG_DATA, newName()), scheduleRequest(DAVE, READER, "AdminAssign", "P30D", "on call"));
      assertThat(reply.status()).isEqualTo(201);
      assertThat(reply.json().path("type").asText()).isEqualTo("Microsoft.Authorization/RoleEligibilityScheduleRequests");
      assertThat(reply.prop("targetRoleEligibilityScheduleId")).isNotNull();
      var activated = arm.put("dave", requests(RG_DATA, newName()), scheduleRequest(DAVE, READER, "SelfActivate", "PT1H", "look"));
      assertThat(activated.prop("status")).isEqualTo("Provisioned");
    }

    @Test
    void servicePrincipalsCannotBeMadeEligible() {
      var reply = arm.put("broker", eligibilityRequests(RG_DATA, newName()), scheduleRequest(CI, READER, "AdminAssign", "P30D", "x"));
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("InvalidPrincipalType");
    }

    @Test
    void anEligibilityWithoutExpiryFailsTheExpirationRule() {
      var reply = arm.put("broker", eligibilityRequests(RG_DATA, newName()), noExpiration(DAVE, READER, "AdminAssign", "x"));
      assertThat(reply.message()).isEqualTo("The following policy rules failed: [\"ExpirationRule\"]");
    }

    @Test
    void adminRemoveTakesTheEligibilityAway() {
      arm.put("broker", eligibilityRequests(RG_DATA, newName()), scheduleRequest(DAVE, READER, "AdminAssign", "P30D", "x"));
      var removed = arm.put("broker", eligibilityRequests(RG_DATA, newName()), scheduleRequest(DAVE, READER, "AdminRemove", null, null));
      assertThat(removed.prop("status")).isEqualTo("Revoked");
      var activated = arm.put("dave", requests(RG_DATA, newName()), scheduleRequest(DAVE, READER, "SelfActivate", "PT1H", "look"));
      assertThat(activated.message()).contains("EligibilityRule");
    }

    @Test
    void theCallersEligibilitiesAcrossScopesAreListedFromTheTenantRoot() {
      JsonNode mine = list("alice", "/providers/Microsoft.Authorization/roleEligibilityScheduleInstances?api-version=" + PIM + "&$filter=asTarget()");
      assertThat(mine).hasSize(2);
      assertThat(mine.get(0).path("type").asText()).isEqualTo("Microsoft.Authorization/RoleEligibilityScheduleInstances");
      assertThat(mine.get(0).path("properties").path("roleEligibilityScheduleId").asText()).contains("/RoleEligibilitySchedules/");
      JsonNode schedules = list("alice", "/providers/Microsoft.Authorization/roleEligibilitySchedules?api-version=" + PIM + "&$filter=asTarget()");
      assertThat(schedules).hasSize(2);
      String name = schedules.get(0).path("name").asText();
      String scope = schedules.get(0).path("properties").path("scope").asText();
      String one = scope + "/providers/Microsoft.Authorization/roleEligibilitySchedules/" + name + "?api-version=" + PIM;
      assertThat(arm.get("alice", one + "&$filter=asTarget()").status()).isEqualTo(200);
      var refused = arm.get("alice", one);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.json().path("error").path("code").asText()).isEqualTo("AuthorizationFailed");
      assertThat(refused.json().path("error").path("message").asText()).contains("Microsoft.Authorization/roleAssignments/read");
    }
  }

  @Nested
  class CancelAndValidate {
    private String pendingContributorRequest() {
      var body = (ObjectNode) scheduleRequest(ALICE, CONTRIBUTOR, "SelfActivate", "PT2H", "deploy");
      ((ObjectNode) body.get("properties")).putObject("ticketInfo").put("ticketNumber", "CHG-1").put("ticketSystem", "SNOW");
      String name = newName();
      arm.put("alice", requests(SUB_SCOPE, name), body);
      return name;
    }

    @Test
    void cancellingAPendingRequestAnswers200WithNoBody() {
      String name = pendingContributorRequest();
      var reply = arm.post("alice", SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/" + name + "/cancel?api-version=" + PIM, null);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.response().body()).isEmpty();
      assertThat(arm.get("alice", requests(SUB_SCOPE, name)).prop("status")).isEqualTo("Canceled");
      assertThat(arm.surface.pendingApprovals()).isEmpty();
    }

    @Test
    void aProvisionedRequestCannotBeCancelled() {
      String name = newName();
      arm.put("alice", requests(RG_APP, name), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "x"));
      var reply = arm.post("alice", RG_APP + "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/" + name + "/cancel?api-version=" + PIM, null);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("RequestCannotBeCanceled");
    }

    @Test
    void cancellingAnUnknownRequestIsNotFound() {
      var reply = arm.post("alice", SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/" + newName() + "/cancel?api-version=" + PIM, null);
      assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void validateEchoesTheRequestAndPersistsNothing() {
      String name = newName();
      var reply = arm.post("alice", RG_APP + "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/" + name + "/validate?api-version=" + PIM,
          scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "dry run"));
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.prop("justification")).isEqualTo("dry run");
      assertThat(arm.get("alice", requests(RG_APP, name)).status()).isEqualTo(404);
      assertThat(arm.surface.activeAssignments()).noneMatch(a -> a.surface().equals("arm"));
    }

    @Test
    void validateReportsPolicyFailures() {
      var reply = arm.post("alice", RG_APP + "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/" + newName() + "/validate?api-version=" + PIM,
          scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT9H", "dry run"));
      assertThat(reply.message()).contains("ExpirationRule");
    }
  }

  @Nested
  class Lists {
    @Test
    void aCallerWithoutReadPermissionListsOnlyAsTargetOrAsRequestorWhileTheBrokerListsAll() {
      arm.put("alice", requests(RG_APP, newName()), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "x"));
      arm.put("broker", requests(RG_APP, newName()), scheduleRequest(CI, KV_SECRETS_USER, "AdminAssign", "PT30M", "y"));
      String path = SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests?api-version=" + PIM;
      assertThat(list("alice", path + "&$filter=asRequestor()")).hasSize(1);
      assertThat(list("alice", path + "&$filter=asTarget()")).hasSize(1);
      assertThat(arm.get("alice", path + "&$filter=principalId%20eq%20'" + CI + "'").status()).isEqualTo(403);
      assertThat(arm.get("alice", path).json().path("error").path("code").asText()).isEqualTo("AuthorizationFailed");
      assertThat(list("broker", path + "&$filter=principalId%20eq%20'" + CI + "'")).hasSize(1);
      assertThat(list("broker", path)).hasSize(2);
      assertThat(list("broker", path + "&$filter=atScope()")).isEmpty();
    }

    @Test
    void schedulesAreListedAndReadByName() {
      arm.put("alice", requests(RG_APP, newName()), scheduleRequest(ALICE, KV_SECRETS_OFFICER, "SelfActivate", "PT1H", "x"));
      JsonNode schedules = list("alice", RG_APP + "/providers/Microsoft.Authorization/roleAssignmentSchedules?api-version=" + PIM + "&$filter=asTarget()");
      assertThat(schedules).hasSize(1);
      assertThat(schedules.get(0).path("type").asText()).isEqualTo("Microsoft.Authorization/RoleAssignmentSchedules");
      String name = schedules.get(0).path("name").asText();
      var one = arm.get("alice", RG_APP + "/providers/Microsoft.Authorization/roleAssignmentSchedules/" + name + "?api-version=" + PIM);
      assertThat(one.prop("assignmentType")).isEqualTo("Activated");
      String instance = list("alice", RG_APP + "/providers/Microsoft.Authorization/roleAssignmentScheduleInstances?api-version=" + PIM)
          .get(0).path("name").asText();
      assertThat(arm.get("alice", RG_APP + "/providers/Microsoft.Authorization/roleAssignmentScheduleInstances/" + instance + "?api-version=" + PIM)
          .prop("roleAssignmentScheduleId")).endsWith(name);
      assertThat(arm.get("alice", RG_APP + "/providers/Microsoft.Authorization/roleAssignmentScheduleInstances/" + newName() + "?api-version=" + PIM)
          .status()).isEqualTo(404);
    }
  }
}
